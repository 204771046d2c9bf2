using System.Text;
using Kabar.Pipeline;
using Kabar.Text;

namespace Kabar.Dedup;

/// <summary>
/// The words of an article's story, lower-cased, in order, one space apart: what duplicate detection compares.
/// Boilerplate, datelines, punctuation, case and spacing are gone, so copies that differ only there are equal.
/// </summary>
public static class StoryWords
{
    /// <summary>The story words of <paramref name="article"/>.</summary>
    public static string Of(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var words = new StringBuilder(article.Text.Length);
        foreach (TextSpan sentence in article.Sentences)
        {
            foreach (Token token in Tokenizer.Tokenize(article.Text, sentence))
            {
                if (token.Kind != TokenKind.Symbol)
                {
                    words.Append(words.Length == 0 ? "" : " ").Append(article.Text.AsSpan(token.Start, token.End - token.Start));
                }
            }
        }

        return words.ToString().ToLowerInvariant();
    }
}
