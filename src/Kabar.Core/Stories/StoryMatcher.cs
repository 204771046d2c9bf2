using System.Globalization;

namespace Kabar.Stories;

/// <summary>A story an article scored against.</summary>
/// <param name="Story">The story.</param>
/// <param name="Score">Cosine × time decay.</param>
/// <param name="Cosine">The tf-idf cosine of the article's features and the story's centroid.</param>
/// <param name="DaysApart">Days between the article and the nearest day of the story, if both are dated.</param>
/// <param name="Shared">The shared features that weigh most in the cosine, strongest first.</param>
public sealed record StoryMatch(StoryState Story, double Score, double Cosine, int? DaysApart, IReadOnlyList<string> Shared);

/// <summary>
/// Online, time-aware story grouping (single pass, as in topic detection and tracking): an article joins the
/// candidate story whose centroid is most similar — tf-idf cosine over title, lead and body words and names, times
/// exp(−days apart / <see cref="StoryOptions.DecayDays"/>) — if that reaches <see cref="StoryOptions.Threshold"/>;
/// otherwise it starts a story. Deterministic: ties go to the older story. Thread-safe.
/// </summary>
public sealed class StoryMatcher(StoryOptions options)
{
    private const int SharedShown = 6;

    /// <summary>The matcher with <see cref="StoryOptions.Default"/>.</summary>
    public static StoryMatcher Default { get; } = new(StoryOptions.Default);

    /// <summary>The options in use.</summary>
    public StoryOptions Options => options;

    /// <summary>The keys of a story's strongest features, by which it is indexed.</summary>
    public long[] IndexKeys(FeatureVector features, CorpusStatistics statistics) =>
        Keys(Strongest(features, statistics, options.IndexTerms));

    /// <summary>The keys an article looks stories up by: twice as many as a story is indexed by, so an article and its
    /// story need not agree on exactly which words are strongest.</summary>
    public long[] LookupKeys(FeatureVector features, CorpusStatistics statistics) =>
        Keys(Strongest(features, statistics, 2 * options.IndexTerms));

    /// <summary>The best story among <paramref name="candidates"/> that the article may join, or null.</summary>
    public StoryMatch? Best(StoryFeatures article, IEnumerable<StoryState> candidates, CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(candidates);
        FeatureVector features = article.Vector;
        double[] weighted = Weighted(features, statistics);
        double norm = Norm(weighted);
        StoryMatch? best = null;
        foreach (StoryState story in candidates)
        {
            int? apart = DaysApart(article.Day, story);
            if (apart > options.WindowDays)
            {
                continue;
            }

            double cosine = Cosine(features.Keys, weighted, norm, story.Centroid, statistics);
            double score = cosine * Math.Exp(-(apart ?? 0) / options.DecayDays);
            if (score >= options.Threshold && (best is null || score > best.Score || (score == best.Score && story.Id < best.Story.Id)))
            {
                best = new StoryMatch(story, score, cosine, apart, []);
            }
        }

        return best is null ? null : best with { Shared = Shared(features, weighted, best.Story.Centroid, statistics) };
    }

    /// <summary>The similarity of two articles' stories (tf-idf cosine of their features, no time decay), 0–1.</summary>
    public static double Similarity(StoryFeatures a, StoryFeatures b, CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double[] weighted = Weighted(a.Vector, statistics);
        return Cosine(a.Vector.Keys, weighted, Norm(weighted), b.Vector, statistics);
    }

    /// <summary>Where an article goes: into the best match, or a story of its own.</summary>
    public StoryAssignment Assign(StoryFeatures article, string? title, StoryMatch? match, CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (match is null)
        {
            return Follow(article, title, null, "started the story", statistics);
        }

        string days = match.DaysApart is { } d ? $" × time {Math.Exp(-d / options.DecayDays):0.00} ({d} days apart)" : "";
        string reason = string.Create(CultureInfo.InvariantCulture, $"score {match.Score:0.00} = cosine {match.Cosine:0.00}{days}; shared: {string.Join(", ", match.Shared)}");
        return Follow(article, title, match.Story, reason, statistics) with { Score = match.Score };
    }

    /// <summary>Adds an article to <paramref name="story"/> (or starts one when it is null) without scoring it: for a
    /// copy, which goes where its original went.</summary>
    public StoryAssignment Follow(StoryFeatures article, string? title, StoryState? story, string reason, CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(reason);
        StoryState joined = story is null
            ? new StoryState(null, article.Day, article.Day, 1, title, Keep(article.Vector, statistics))
            : Join(story, article, title, statistics);
        return new StoryAssignment(joined, null, reason, IndexKeys(joined.Centroid, statistics));
    }

    private StoryState Join(StoryState story, StoryFeatures article, string? title, CorpusStatistics statistics)
    {
        bool earliest = article.Day is { } day && (story.FirstDay is null || day < story.FirstDay);
        return new StoryState(
            story.Id,
            Min(story.FirstDay, article.Day),
            Max(story.LastDay, article.Day),
            story.Size + 1,
            (earliest && title is not null) || story.Title is null ? title ?? story.Title : story.Title,
            Keep(story.Centroid.Plus(article.Vector), statistics));
    }

    // The strongest CentroidTerms features, in key order, without their text.
    private FeatureVector Keep(FeatureVector features, CorpusStatistics statistics)
    {
        Span<Ranked> kept = Strongest(features, statistics, options.CentroidTerms);
        kept.Sort(static (a, b) => a.Index.CompareTo(b.Index));
        long[] keys = new long[kept.Length];
        float[] weights = new float[kept.Length];
        for (int i = 0; i < kept.Length; i++)
        {
            keys[i] = kept[i].Key;
            weights[i] = features.Weights[kept[i].Index];
        }

        return FeatureVector.FromSorted(keys, weights);
    }

    private static long[] Keys(ReadOnlySpan<Ranked> ranked)
    {
        long[] keys = new long[ranked.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = ranked[i].Key;
        }

        return keys;
    }

    // The count strongest features, strongest first. Ties go to the smaller key, so which features are kept never
    // depends on anything but the features. An array of structs sorted in place: the committing thread ranks three
    // times an article (look-up keys, the joined centroid, its index keys), and LINQ's ordering took longer and
    // allocated more.
    private static Span<Ranked> Strongest(FeatureVector features, CorpusStatistics statistics, int count)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(statistics);
        ReadOnlySpan<long> keys = features.Keys;
        ReadOnlySpan<float> weights = features.Weights;
        var ranked = new Ranked[keys.Length];
        for (int i = 0; i < ranked.Length; i++)
        {
            // Sublinear in the weight, so a word an article repeats endlessly does not crowd out the rarer words that name the event.
            ranked[i] = new Ranked((1 + Math.Log(weights[i])) * statistics.Idf(keys[i]), keys[i], i);
        }

        Array.Sort(ranked);
        return ranked.AsSpan(0, Math.Min(count, ranked.Length));
    }

    private static double[] Weighted(FeatureVector features, CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ReadOnlySpan<long> keys = features.Keys;
        ReadOnlySpan<float> weights = features.Weights;
        double[] weighted = new double[keys.Length];
        for (int i = 0; i < weighted.Length; i++)
        {
            weighted[i] = weights[i] * statistics.Idf(keys[i]);
        }

        return weighted;
    }

    // The cosine of weighted features (keys ascending, norm given) and other features, weighted here as the merge of
    // the two key lists goes: the look-up scores up to 16 stories of 100 features an article.
    private static double Cosine(ReadOnlySpan<long> keys, ReadOnlySpan<double> weighted, double norm, FeatureVector other, CorpusStatistics statistics)
    {
        ReadOnlySpan<long> otherKeys = other.Keys;
        ReadOnlySpan<float> otherWeights = other.Weights;
        double dot = 0, squares = 0;
        int i = 0;
        for (int j = 0; j < otherKeys.Length; j++)
        {
            double w = otherWeights[j] * statistics.Idf(otherKeys[j]);
            squares += w * w;
            while (i < keys.Length && keys[i] < otherKeys[j])
            {
                i++;
            }

            if (i < keys.Length && keys[i] == otherKeys[j])
            {
                dot += weighted[i] * w;
            }
        }

        double norms = norm * Math.Sqrt(squares);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double Norm(ReadOnlySpan<double> weighted)
    {
        double sum = 0;
        foreach (double w in weighted)
        {
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }

    // The article's features a centroid shares that weigh most in the cosine, by their text.
    private static List<string> Shared(FeatureVector article, double[] weighted, FeatureVector centroid, CorpusStatistics statistics)
    {
        var shared = new List<(double Weight, string Term)>();
        ReadOnlySpan<long> keys = article.Keys;
        ReadOnlySpan<long> centroidKeys = centroid.Keys;
        for (int i = 0, j = 0; i < keys.Length && j < centroidKeys.Length;)
        {
            if (keys[i] < centroidKeys[j])
            {
                i++;
            }
            else if (keys[i] > centroidKeys[j])
            {
                j++;
            }
            else
            {
                double product = weighted[i] * centroid.Weights[j] * statistics.Idf(keys[i]);
                shared.Add((product, article.TermAt(i) ?? keys[i].ToString("x16", CultureInfo.InvariantCulture)));
                i++;
                j++;
            }
        }

        return [.. shared.OrderByDescending(t => t.Weight).ThenBy(t => t.Term, StringComparer.Ordinal).Take(SharedShown).Select(t => t.Term)];
    }

    private static int? DaysApart(DateOnly? day, StoryState story)
    {
        if (day is not { } d || story.FirstDay is not { } first || story.LastDay is not { } last)
        {
            return null;
        }

        return d < first ? first.DayNumber - d.DayNumber : d > last ? d.DayNumber - last.DayNumber : 0;
    }

    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    // A feature's ranking weight, its key and where it stands in its vector; ordered strongest first, then by key.
    private readonly record struct Ranked(double Weight, long Key, int Index) : IComparable<Ranked>
    {
        public int CompareTo(Ranked other)
        {
            int byWeight = other.Weight.CompareTo(Weight);
            return byWeight != 0 ? byWeight : Key.CompareTo(other.Key);
        }
    }
}
