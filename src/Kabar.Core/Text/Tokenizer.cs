namespace Kabar.Text;

/// <summary>
/// Splits text into word, number and symbol tokens with offsets. Hyphens and apostrophes inside a word,
/// and '.' or ',' between digits ("1.000", "1,5"), stay inside the token. Pure and thread-safe.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokens of <c>text[span]</c> in order; white space yields none.</summary>
    public static List<Token> Tokenize(string text, TextSpan span)
    {
        var tokens = new List<Token>(Math.Max(4, span.Length / 6));
        Tokenize(text, span, tokens);
        return tokens;
    }

    /// <summary>Adds the tokens of <c>text[span]</c> to <paramref name="tokens"/>, in order.</summary>
    public static void Tokenize(string text, TextSpan span, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        int i = span.Start;
        int end = span.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(new Token(i, i + 1, TokenKind.Symbol));
                i++;
                continue;
            }

            int start = i;
            bool number = char.IsDigit(c);
            i++;
            while (i < end)
            {
                char d = text[i];
                if (char.IsLetterOrDigit(d) || char.GetUnicodeCategory(d) == System.Globalization.UnicodeCategory.NonSpacingMark)
                {
                    i++;
                }
                else if (IsJoiner(text, i, end, number))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }

            tokens.Add(new Token(start, i, number ? TokenKind.Number : TokenKind.Word));
        }
    }

    /// <summary>Tokens of the whole text.</summary>
    public static List<Token> Tokenize(string text) => Tokenize(text, new TextSpan(0, text.Length));

    private static bool IsJoiner(string text, int i, int end, bool number)
    {
        if (i + 1 >= end)
        {
            return false;
        }

        char joiner = text[i];
        char prev = text[i - 1];
        char next = text[i + 1];
        return joiner switch
        {
            '-' => char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next),
            '\'' => char.IsLetter(prev) && char.IsLetter(next),
            '.' or ',' => number && char.IsDigit(prev) && char.IsDigit(next),
            _ => false,
        };
    }
}
