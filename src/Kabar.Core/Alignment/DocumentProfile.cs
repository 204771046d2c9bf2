using Kabar.Text;

namespace Kabar.Alignment;

/// <summary>A document's text cut into <see cref="SentenceProfile"/>s. Immutable.</summary>
public sealed class DocumentProfile
{
    private DocumentProfile(string text, Language language, IReadOnlyList<SentenceProfile> sentences)
    {
        Text = text;
        Language = language;
        Sentences = sentences;
    }

    /// <summary>The text every span refers to.</summary>
    public string Text { get; }

    /// <summary>The language that chose the stopwords and suffix rules.</summary>
    public Language Language { get; }

    /// <summary>The sentences, in text order.</summary>
    public IReadOnlyList<SentenceProfile> Sentences { get; }

    /// <summary>Profiles the given sentence spans of <paramref name="text"/>.</summary>
    /// <param name="text">The normalised text.</param>
    /// <param name="sentences">Sentence spans in text order.</param>
    /// <param name="language">The text's language.</param>
    /// <param name="minTerms">Sentences with fewer content terms are joined to the next one (0 keeps all as they are).</param>
    public static DocumentProfile Create(string text, IReadOnlyList<TextSpan> sentences, Language language, int minTerms = 0)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var profiles = new List<SentenceProfile>(sentences.Count);
        int pendingStart = -1;
        for (int s = 0; s < sentences.Count; s++)
        {
            TextSpan span = sentences[s];
            if (pendingStart >= 0)
            {
                span = new TextSpan(pendingStart, span.End);
                pendingStart = -1;
            }

            SentenceProfile profile = Profile(text, span, language, profiles.Count);
            if (profile.Terms.Length < minTerms && s + 1 < sentences.Count)
            {
                pendingStart = span.Start;
                continue;
            }

            profiles.Add(profile);
        }

        return new DocumentProfile(text, language, profiles);
    }

    private static SentenceProfile Profile(string text, TextSpan span, Language language, int index)
    {
        List<Token> tokens = Tokenizer.Tokenize(text, span);
        var words = new List<Token>(tokens.Count);
        var keys = new List<string>(tokens.Count);
        var terms = new List<string>(tokens.Count);
        var common = new HashSet<string>(StringComparer.Ordinal);
        bool first = true;
        foreach (Token token in tokens)
        {
            if (token.Kind == TokenKind.Symbol)
            {
                continue;
            }

            ReadOnlySpan<char> raw = text.AsSpan(token.Start, token.End - token.Start);
            string key = raw.ToString().ToLowerInvariant();
            words.Add(token);
            keys.Add(key);
            if (token.Kind == TokenKind.Number)
            {
                terms.Add(key);
            }
            else if (!Stopwords.IsStopword(key, language) && key.Length > 1)
            {
                bool isName = !first && char.IsUpper(raw[0]);
                string term = TermNormalizer.Normalize(raw, language, isName);
                terms.Add(term);
                if (!isName)
                {
                    common.Add(term);
                }
            }

            first = false;
        }

        return new SentenceProfile(index, span, [.. words], [.. keys], [.. terms], [.. common.Order(StringComparer.Ordinal)]);
    }
}
