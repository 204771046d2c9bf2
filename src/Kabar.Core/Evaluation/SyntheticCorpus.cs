using System.Globalization;
using System.Text;

namespace Kabar.Evaluation;

/// <summary>How a generated article relates to the one it was made from.</summary>
public enum SyntheticKind
{
    /// <summary>A new report.</summary>
    Original,
    /// <summary>The same text with different boilerplate around it.</summary>
    ExactCopy,
    /// <summary>The same text with a share of its words replaced.</summary>
    NearCopy,
    /// <summary>The same text plus paragraphs of its own.</summary>
    Extended,
    /// <summary>The same event told again: half the sentences reworded, the rest new.</summary>
    Rewrite,
    /// <summary>Another outlet's own report of the event: every sentence new, on the event's words.</summary>
    Report,
    /// <summary>A new event within a week of an earlier one, with half of its names and places: another story.</summary>
    Related,
}

/// <summary>One generated article.</summary>
/// <param name="Id">Its position in the corpus, from 0.</param>
/// <param name="Story">The event it reports.</param>
/// <param name="Kind">How it was made.</param>
/// <param name="Of">The article it was made from, for every kind but <see cref="SyntheticKind.Original"/>; for
/// <see cref="SyntheticKind.Related"/>, the one whose names it shares.</param>
/// <param name="EditRate">For a near copy, the share of words replaced.</param>
/// <param name="Day">Its publication day.</param>
/// <param name="Title">Its title.</param>
/// <param name="Text">Its text, title first.</param>
public sealed record SyntheticArticle(int Id, int Story, SyntheticKind Kind, int? Of, double EditRate, DateOnly Day, string Title, string Text);

/// <summary>
/// A deterministic corpus of news-sized articles (a title and about 400 words) for benchmarks and the duplicate
/// evaluation: many events, each with its own words, over a vocabulary of made-up Indonesian-looking words drawn
/// with a Zipf law, so common words recur as they do in news; and among them planted exact copies, near copies at
/// known edit rates, extended copies and rewrites, each pointing at its source. Same seed, same corpus.
/// </summary>
public sealed class SyntheticCorpus
{
    private static readonly string[] s_syllables =
    [
        "ba", "be", "bi", "bu", "da", "de", "di", "du", "ga", "gi", "gu", "ja", "ju", "ka", "ke", "ki", "ku", "la", "le", "li", "lu",
        "ma", "me", "mi", "mu", "na", "ne", "ni", "nu", "pa", "pe", "pi", "pu", "ra", "re", "ri", "ru", "sa", "se", "si", "su",
        "ta", "te", "ti", "tu", "wa", "ya", "an", "ang", "ng", "kan", "lah", "ran", "tan", "har", "per", "ber", "ter",
    ];

    /// <summary>Edit rates of planted near copies: Jaccard of 5-word shingles falls fast as words change.</summary>
    public static readonly double[] NearEditRates = [0.01, 0.02, 0.04, 0.08, 0.15];

    private readonly Random _random;
    private readonly string[] _vocabulary;
    private readonly double[] _cumulative;

    private SyntheticCorpus(int seed, int vocabulary)
    {
        _random = new Random(seed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < vocabulary)
        {
            words.Add(string.Concat(Enumerable.Range(0, _random.Next(2, 5)).Select(_ => s_syllables[_random.Next(s_syllables.Length)])));
        }

        _vocabulary = [.. words];
        _cumulative = new double[vocabulary];
        double sum = 0;
        for (int rank = 0; rank < vocabulary; rank++)
        {
            sum += 1.0 / (rank + 1);
            _cumulative[rank] = sum;
        }
    }

    /// <summary>Generates <paramref name="count"/> articles: about 60% originals, then exact, near and extended copies
    /// and rewrites of earlier articles, days spread over three months from 2025-01-01.</summary>
    /// <param name="count">Articles to generate.</param>
    /// <param name="seed">The corpus's seed.</param>
    /// <param name="briefShare">The share of originals that are briefs of 2–6 sentences (30–150 words) instead of
    /// 20: fewer shingles than a signature has slots, where MinHash is least sure.</param>
    /// <param name="reportShare">The share of the articles made from an earlier one that are independent reports of its
    /// event (<see cref="SyntheticKind.Report"/>) instead of copies or rewrites: the same story with no shared text,
    /// which only story grouping can put together.</param>
    /// <param name="relatedShare">The share of originals that are <see cref="SyntheticKind.Related"/> events: the same
    /// people and places in another event, which story grouping must keep apart.</param>
    public static IEnumerable<SyntheticArticle> Create(int count, int seed = 2025, double briefShare = 0, double reportShare = 0, double relatedShare = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(briefShare);
        ArgumentOutOfRangeException.ThrowIfNegative(reportShare);
        ArgumentOutOfRangeException.ThrowIfNegative(relatedShare);
        var corpus = new SyntheticCorpus(seed, 20_000);
        var made = new List<(int Story, DateOnly Day, string[][] Sentences, string[] Topic)>();
        var start = new DateOnly(2025, 1, 1);
        for (int id = 0; id < count; id++)
        {
            double roll = corpus._random.NextDouble();
            if (made.Count == 0 || roll < 0.6)
            {
                string[] topic = [.. Enumerable.Range(0, 12).Select(_ => corpus.Word())];
                // No draw without briefs, so a corpus without them is the one generated before briefs existed.
                int length = briefShare > 0 && corpus._random.NextDouble() < briefShare ? corpus._random.Next(2, 7) : 20;
                // Its own words lead, so its title is its own; the names it shares follow.
                int? related = relatedShare > 0 && made.Count > 0 && corpus._random.NextDouble() < relatedShare ? corpus._random.Next(made.Count) : null;
                topic = related is { } r ? [.. topic.Take(6), .. made[r].Topic.Take(6)] : topic;
                string[][] sentences = [.. Enumerable.Range(0, length).Select(_ => corpus.Sentence(topic))];
                DateOnly day = related is { } near ? made[near].Day.AddDays(corpus._random.Next(8)) : start.AddDays(corpus._random.Next(90));
                made.Add((id, day, sentences, topic));
                yield return corpus.Render(id, id, related is null ? SyntheticKind.Original : SyntheticKind.Related, related, 0, day, sentences, topic);
                continue;
            }

            int of = corpus._random.Next(made.Count);
            (int story, DateOnly sourceDay, string[][] source, string[] sourceTopic) = made[of];
            DateOnly later = sourceDay.AddDays(corpus._random.Next(3));
            // As with briefs, no draw without reports.
            (SyntheticKind kind, double rate, string[][] text) = reportShare > 0 && corpus._random.NextDouble() < reportShare
                ? (SyntheticKind.Report, 0.0, [.. source.Select(_ => corpus.Sentence(sourceTopic))])
                : roll switch
            {
                < 0.7 => (SyntheticKind.ExactCopy, 0.0, source),
                < 0.8 => corpus.NearCopy(source),
                < 0.9 => (SyntheticKind.Extended, 0.0, [.. source, .. Enumerable.Range(0, 4).Select(_ => corpus.Sentence(sourceTopic))]),
                _ => (SyntheticKind.Rewrite, 0.0, corpus.Rewrite(source, sourceTopic)),
            };
            made.Add((story, later, text, sourceTopic));
            yield return corpus.Render(id, story, kind, of, rate, later, text, sourceTopic);
        }
    }

    private (SyntheticKind, double, string[][]) NearCopy(string[][] source)
    {
        double rate = NearEditRates[_random.Next(NearEditRates.Length)];
        return (SyntheticKind.NearCopy, rate, [.. source.Select(s => s.Select(w => _random.NextDouble() < rate ? Word() : w).ToArray())]);
    }

    private string[][] Rewrite(string[][] source, string[] topic) =>
        [.. source.Select(s => _random.NextDouble() < 0.5
            ? s.Select(w => _random.NextDouble() < 0.3 ? Word() : w).ToArray()
            : Sentence(topic))];

    private string Word()
    {
        double u = _random.NextDouble() * _cumulative[^1];
        int rank = Array.BinarySearch(_cumulative, u);
        return _vocabulary[Math.Min(rank < 0 ? ~rank : rank, _vocabulary.Length - 1)];
    }

    // One word in four is the event's own, as names and places are in news.
    private string[] Sentence(string[] topic) =>
        [.. Enumerable.Range(0, _random.Next(14, 27)).Select(_ => _random.NextDouble() < 0.25 ? topic[_random.Next(topic.Length)] : Word())];

    private SyntheticArticle Render(int id, int story, SyntheticKind kind, int? of, double rate, DateOnly day, string[][] sentences, string[] topic)
    {
        string title = Capitalize(string.Join(' ', topic.Take(3).Concat(sentences[0].Take(3))));
        var text = new StringBuilder(title).Append('\n');
        foreach (string[] sentence in sentences)
        {
            text.Append(Capitalize(string.Join(' ', sentence))).Append(".\n");
        }

        if (kind == SyntheticKind.ExactCopy)
        {
            text.Append("Baca juga: ").Append(Capitalize(string.Join(' ', Enumerable.Range(0, 6).Select(_ => Word())))).Append('\n');
        }

        return new SyntheticArticle(id, story, kind, of, rate, day, title, text.ToString());
    }

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.InvariantCulture) + s[1..];
}
