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
    public long[] IndexKeys(IReadOnlyDictionary<string, float> terms, CorpusStatistics statistics) =>
        Keys(Strongest(terms, statistics, options.IndexTerms));

    /// <summary>The keys an article looks stories up by: twice as many as a story is indexed by, so an article and its
    /// story need not agree on exactly which words are strongest.</summary>
    public long[] LookupKeys(IReadOnlyDictionary<string, float> terms, CorpusStatistics statistics) =>
        Keys(Strongest(terms, statistics, 2 * options.IndexTerms));

    /// <summary>The best story among <paramref name="candidates"/> that the article may join, or null.</summary>
    public StoryMatch? Best(StoryFeatures article, IEnumerable<StoryState> candidates, CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(candidates);
        Dictionary<string, double> weighted = Weighted(article.Terms, statistics);
        double norm = Norm(weighted);
        StoryMatch? best = null;
        foreach (StoryState story in candidates)
        {
            int? apart = DaysApart(article.Day, story);
            if (apart > options.WindowDays)
            {
                continue;
            }

            double cosine = Cosine(weighted, norm, story.Centroid, statistics);
            double score = cosine * Math.Exp(-(apart ?? 0) / options.DecayDays);
            if (score >= options.Threshold && (best is null || score > best.Score || (score == best.Score && story.Id < best.Story.Id)))
            {
                best = new StoryMatch(story, score, cosine, apart, []);
            }
        }

        return best is null ? null : best with { Shared = Shared(weighted, Weighted(best.Story.Centroid, statistics)) };
    }

    /// <summary>The similarity of two articles' stories (tf-idf cosine of their features, no time decay), 0–1.</summary>
    public static double Similarity(StoryFeatures a, StoryFeatures b, CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Cosine(Weighted(a.Terms, statistics), Weighted(b.Terms, statistics));
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
            ? new StoryState(null, article.Day, article.Day, 1, title, Keep(article.Terms, statistics))
            : Join(story, article, title, statistics);
        return new StoryAssignment(joined, null, reason, IndexKeys(joined.Centroid, statistics));
    }

    private StoryState Join(StoryState story, StoryFeatures article, string? title, CorpusStatistics statistics)
    {
        var sum = new Dictionary<string, float>(story.Centroid, StringComparer.Ordinal);
        foreach ((string term, float weight) in article.Terms)
        {
            sum[term] = sum.GetValueOrDefault(term) + weight;
        }

        bool earliest = article.Day is { } day && (story.FirstDay is null || day < story.FirstDay);
        return new StoryState(
            story.Id,
            Min(story.FirstDay, article.Day),
            Max(story.LastDay, article.Day),
            story.Size + 1,
            (earliest && title is not null) || story.Title is null ? title ?? story.Title : story.Title,
            Keep(sum, statistics));
    }

    private Dictionary<string, float> Keep(IReadOnlyDictionary<string, float> terms, CorpusStatistics statistics)
    {
        ReadOnlySpan<Ranked> kept = Strongest(terms, statistics, options.CentroidTerms);
        var centroid = new Dictionary<string, float>(kept.Length, StringComparer.Ordinal);
        foreach (Ranked t in kept)
        {
            centroid[t.Term] = t.Value;
        }

        return centroid;
    }

    private static long[] Keys(ReadOnlySpan<Ranked> terms)
    {
        long[] keys = new long[terms.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = CorpusStatistics.FeatureKey(terms[i].Term);
        }

        return keys;
    }

    // The count strongest terms, strongest first. Ties go to the ordinally smaller term, so which terms are kept never
    // depends on the order of the dictionary. An array of structs sorted in place: the committing thread ranks three
    // times an article (look-up keys, the joined centroid, its index keys), and LINQ's ordering took longer and
    // allocated more (StoryBenchmarks.Join: 19.8 µs and 49.8 KB before, 15.5 µs and 36.7 KB now).
    private static ReadOnlySpan<Ranked> Strongest(IReadOnlyDictionary<string, float> terms, CorpusStatistics statistics, int count)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(statistics);
        var ranked = new Ranked[terms.Count];
        int n = 0;
        foreach ((string term, float value) in terms)
        {
            // Sublinear in the weight, so a word an article repeats endlessly does not crowd out the rarer words that name the event.
            ranked[n++] = new Ranked((1 + Math.Log(value)) * statistics.Idf(term), term, value);
        }

        Array.Sort(ranked);
        return ranked.AsSpan(0, Math.Min(count, n));
    }

    private static Dictionary<string, double> Weighted(IReadOnlyDictionary<string, float> terms, CorpusStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var weighted = new Dictionary<string, double>(terms.Count, StringComparer.Ordinal);
        foreach ((string term, float weight) in terms)
        {
            weighted[term] = weight * statistics.Idf(term);
        }

        return weighted;
    }

    // The cosine of an article's weighted features (norm given) and a story's centroid, weighted here without a
    // dictionary of its own: the look-up scores up to 16 stories of 100 features an article. When the article has more
    // features, this sums in the same order as the cosine of two dictionaries, so the scores are the same to the bit.
    private static double Cosine(Dictionary<string, double> article, double norm, IReadOnlyDictionary<string, float> centroid, CorpusStatistics statistics)
    {
        if (article.Count <= centroid.Count)
        {
            return Cosine(article, Weighted(centroid, statistics));
        }

        double dot = 0, squares = 0;
        foreach ((string term, float weight) in centroid)
        {
            double weighted = weight * statistics.Idf(term);
            squares += weighted * weighted;
            if (article.TryGetValue(term, out double other))
            {
                dot += weighted * other;
            }
        }

        double norms = norm * Math.Sqrt(squares);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        (Dictionary<string, double> small, Dictionary<string, double> large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        foreach ((string term, double weight) in small)
        {
            if (large.TryGetValue(term, out double other))
            {
                dot += weight * other;
            }
        }

        double norms = Norm(a) * Norm(b);
        return norms == 0 ? 0 : dot / norms;
    }

    private static double Norm(Dictionary<string, double> v)
    {
        double sum = 0;
        foreach (double weight in v.Values)
        {
            sum += weight * weight;
        }

        return Math.Sqrt(sum);
    }

    private static List<string> Shared(Dictionary<string, double> a, Dictionary<string, double> b) =>
        [.. a.Where(t => b.ContainsKey(t.Key)).OrderByDescending(t => t.Value * b[t.Key]).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Take(SharedShown).Select(t => t.Key)];

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

    // A term, its value and its ranking weight; ordered strongest first, then by term.
    private readonly record struct Ranked(double Weight, string Term, float Value) : IComparable<Ranked>
    {
        public int CompareTo(Ranked other)
        {
            int byWeight = other.Weight.CompareTo(Weight);
            return byWeight != 0 ? byWeight : string.CompareOrdinal(Term, other.Term);
        }
    }
}
