using System.Buffers;
using System.Text;

namespace Kabar.Text;

/// <summary>
/// Unicode normalisation applied once, right after decoding: NFC; CRLF and CR to LF; typographic quotes to
/// ASCII quotes; dashes to '-'; NBSP and other spaces to ' '; zero-width characters and BOMs removed.
/// Every offset Kabar reports refers to the normalised text, so this runs before anything else.
/// </summary>
public static class TextNormalizer
{
    private static readonly SearchValues<char> s_special = SearchValues.Create(
        "\r\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000" +
        "\u200B\u200C\u200D\u2060\uFEFF\u00AD" +
        "\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB" +
        "\u2010\u2011\u2012\u2013\u2014\u2015\u2212");

    /// <summary>Returns the normalised form of <paramref name="text"/>.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        if (text.AsSpan().IndexOfAny(s_special) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD':
                    break;
                case '\u00A0' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000':
                    sb.Append(' ');
                    break;
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032':
                    sb.Append('\'');
                    break;
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u2033' or '\u00AB' or '\u00BB':
                    sb.Append('"');
                    break;
                case (>= '\u2010' and <= '\u2015') or '\u2212':
                    sb.Append('-');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
