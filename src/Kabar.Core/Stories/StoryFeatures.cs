using System.Globalization;
using System.Runtime.InteropServices;
using Kabar.Entities;
using Kabar.Pipeline;
using Kabar.Text;

namespace Kabar.Stories;

/// <summary>
/// What an article says about its story, for grouping: content words (normalised, stopwords and short words out)
/// and names, each with a weight for where it stands — title <see cref="TitleWeight"/>, lead <see cref="LeadWeight"/>,
/// body 1, and names counted again as whole names — and the day it was published. Immutable.
/// </summary>
public sealed record StoryFeatures
{
    /// <summary>Features and a day.</summary>
    /// <param name="terms">Feature → weight. A word's key is its normalised form; a name of several words is its
    /// lower-cased words ("kim jong un").</param>
    /// <param name="day">The publication day, if known.</param>
    public StoryFeatures(IReadOnlyDictionary<string, float> terms, DateOnly? day)
    {
        Terms = terms;
        Day = day;
    }

    /// <summary>Feature → weight.</summary>
    public IReadOnlyDictionary<string, float> Terms
    {
        get;

        // The vector is made with the features, so on the thread that prepares an article rather than the one that commits it.
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            field = value;
            Vector = FeatureVector.Of(value);
        }
    }

    /// <summary>The same features by key, as grouping uses them.</summary>
    public FeatureVector Vector { get; private init; } = FeatureVector.Empty;

    /// <summary>The publication day, if known.</summary>
    public DateOnly? Day { get; init; }

    /// <summary>Weight of a word in the title: headlines name the event.</summary>
    public const float TitleWeight = 3;

    /// <summary>Weight of a word in the lead sentences, which say who, what, where and when.</summary>
    public const float LeadWeight = 2;

    private const int MinWordLength = 3;

    /// <summary>The features of <paramref name="article"/>.</summary>
    /// <param name="article">The processed article.</param>
    /// <param name="title">The title its container gave, which wins over the one read from the text.</param>
    /// <param name="published">The publication date its container gave (ISO 8601), which wins over the estimate.</param>
    public static StoryFeatures Of(Article article, string? title = null, string? published = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        string? headline = title ?? article.Metadata.Title;
        if (headline is not null)
        {
            AddWords(SentenceTokens.Of(headline), 0, article.Language, TitleWeight, terms);
        }

        // A title read from the text is its first sentence; it is counted once, as the title.
        SentenceTokens story = article.Tokens;
        int skip = article.Metadata.Title is null ? 0 : 1;
        for (int k = skip; k < story.Sentences.Count; k++)
        {
            AddWords(story, k, article.Language, k < skip + NewsPipeline.LeadSentences ? LeadWeight : 1, terms);
        }

        var lowercase = new HashSet<string>(StringComparer.Ordinal);
        EntityExtractor.AddLowercaseWords(story, lowercase);
        foreach (Mention name in EntityExtractor.Extract(0, story, lowercase))
        {
            if (name.Tokens.Count > 1)
            {
                string key = name.Text.ToLowerInvariant();
                terms[key] = terms.GetValueOrDefault(key) + LeadWeight;
            }
        }

        return new StoryFeatures(terms, ParseDay(published ?? article.Metadata.Published?.Iso));
    }

    /// <summary>The day of an ISO 8601 date or date-time ("2024-06-19", "2024-06-19T14:05+07:00"), or null.</summary>
    public static DateOnly? ParseDay(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
            ? day : null;

    // Chinese and Japanese write no spaces, so a "word" is a whole clause; overlapping character pairs stand in for words.
    private static void AddBigrams(ReadOnlySpan<char> run, float weight, Dictionary<string, float> terms)
    {
        for (int i = 0; i + 1 < run.Length; i++)
        {
            if (IsIdeograph(run[i]) && IsIdeograph(run[i + 1]))
            {
                string key = run.Slice(i, 2).ToString();
                terms[key] = terms.GetValueOrDefault(key) + weight;
            }
        }
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    // The words of one sentence, or of a title.
    private static void AddWords(SentenceTokens sentences, int sentence, Language language, float weight, Dictionary<string, float> terms)
    {
        // Words are looked up and counted as spans: a string is made only for a term met for the first time.
        Dictionary<string, float>.AlternateLookup<ReadOnlySpan<char>> counts = terms.GetAlternateLookup<ReadOnlySpan<char>>();
        string text = sentences.Text;
        bool first = true;
        Span<char> figure = stackalloc char[32];
        foreach (Token token in sentences[sentence])
        {
            // A capital opening a sentence says nothing about a name.
            bool opening = first;
            first &= token.Kind == TokenKind.Symbol;
            ReadOnlySpan<char> word = text.AsSpan(token.Start, token.End - token.Start);
            if (token.Kind == TokenKind.Word && IsIdeograph(word[0]))
            {
                AddBigrams(word, weight, terms);
                continue;
            }

            if (token.Kind == TokenKind.Number && word.Length >= 2)
            {
                // Figures tell one event across languages once read alike: "12.000" in a translation is "12,000" in its source.
                ReadOnlySpan<char> key = word.Length <= figure.Length ? figure[..Figures.Canonical(word, language, figure)] : word;
                CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += weight;
                continue;
            }

            if (token.Kind != TokenKind.Word || word.Length < MinWordLength)
            {
                continue;
            }

            ReadOnlySpan<char> lower = sentences.Lower.AsSpan(token.Start, word.Length);
            if (!Stopwords.IsStopword(lower, language))
            {
                ReadOnlySpan<char> key = TermNormalizer.Key(lower, language, isName: !opening && char.IsUpper(word[0]));
                CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _) += weight;
            }
        }
    }
}
