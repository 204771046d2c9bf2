using Kabar.Text;

namespace Kabar.Alignment;

/// <summary>One sentence prepared for matching.</summary>
/// <param name="Index">Position among the document's sentences.</param>
/// <param name="Span">The sentence in the document's text.</param>
/// <param name="Words">Every word and number token, for word-level diffs.</param>
/// <param name="WordKeys">Lower-cased text of <paramref name="Words"/>, same length.</param>
/// <param name="Terms">Content terms: normalised words and numbers without stopwords, in order, with repeats.</param>
/// <param name="CommonWords">The terms that are neither names nor numbers, each once: evidence of shared wording rather than a shared topic.</param>
public sealed record SentenceProfile(int Index, TextSpan Span, Token[] Words, string[] WordKeys, string[] Terms, string[] CommonWords)
{
    /// <summary>How many common words the two sentences share.</summary>
    public int SharedCommonWords(SentenceProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return CommonWords.Count(w => Array.IndexOf(other.CommonWords, w) >= 0);
    }
}
