using System.Buffers;
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
        string lower = article.Tokens.Lower;
        // Copied into a lent buffer, so the words are one string, not three. Tokens do not overlap, so they and a space
        // before each fit in twice the text.
        char[] buffer = ArrayPool<char>.Shared.Rent((2 * lower.Length) + 1);
        try
        {
            int length = 0;
            foreach (Token token in article.Tokens.All)
            {
                if (token.Kind != TokenKind.Symbol)
                {
                    if (length > 0)
                    {
                        buffer[length++] = ' ';
                    }

                    lower.AsSpan(token.Start, token.End - token.Start).CopyTo(buffer.AsSpan(length));
                    length += token.End - token.Start;
                }
            }

            return new string(buffer, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
