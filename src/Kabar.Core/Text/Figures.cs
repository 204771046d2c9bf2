using System.Buffers;

namespace Kabar.Text;

/// <summary>
/// Figures read to one form whatever the language's way of writing them. Indonesian groups thousands with "." and
/// marks decimals with ","; English does the opposite; most other European languages write as Indonesian does. So
/// "12.000" in a translation and "12,000" in its English source are one figure, and so are "1,5" and "1.5".
/// </summary>
public static class Figures
{
    private static readonly SearchValues<char> s_digitsAndMarks = SearchValues.Create("0123456789.,");

    /// <summary>Writes the canonical form of a number token into <paramref name="destination"/> (at least as long as
    /// the token) and returns its length: the digits without grouping, and "." before the decimals. A token with
    /// anything but digits, "." and ",", or with more than one decimal mark left ("19.06.2024"), is written as it is.</summary>
    /// <param name="number">A number token as written: "12,000", "1.250.000", "7,2", "1,234.5".</param>
    /// <param name="language">Decides which mark groups when the token alone cannot tell: "1.250" is 1250 in
    /// Indonesian and 1.25 in English. In any other language a single mark followed by three digits groups.</param>
    /// <param name="destination">Where the canonical form goes.</param>
    public static int Canonical(ReadOnlySpan<char> number, Language language, Span<char> destination)
    {
        if (number.ContainsAnyExcept(s_digitsAndMarks) || !number.ContainsAny('.', ','))
        {
            number.CopyTo(destination);
            return number.Length;
        }

        char grouping = GroupingMark(number, language);
        if (!GroupsByThousands(number, grouping))
        {
            grouping = '\0';
        }

        int length = 0, decimalMarks = 0;
        foreach (char c in number)
        {
            if (c == grouping)
            {
                continue;
            }

            if (c is '.' or ',')
            {
                decimalMarks++;
                destination[length++] = '.';
            }
            else
            {
                destination[length++] = c;
            }
        }

        if (decimalMarks > 1)
        {
            number.CopyTo(destination);
            return number.Length;
        }

        return length;
    }

    /// <summary>The canonical form of a number token (see <see cref="Canonical(ReadOnlySpan{char}, Language, Span{char})"/>).</summary>
    public static string Canonical(string number, Language language)
    {
        ArgumentNullException.ThrowIfNull(number);
        Span<char> buffer = number.Length <= 64 ? stackalloc char[number.Length] : new char[number.Length];
        return buffer[..Canonical(number, language, buffer)].ToString();
    }

    // The mark that would group thousands: with both marks, the first ("1,234.5", "1.234,5"); a mark written twice
    // ("1.250.000"); else the language's.
    private static char GroupingMark(ReadOnlySpan<char> number, Language language)
    {
        int dot = number.IndexOf('.'), comma = number.IndexOf(',');
        if (dot >= 0 && comma >= 0)
        {
            return dot < comma ? '.' : ',';
        }

        char mark = dot >= 0 ? '.' : ',';
        if (number.Count(mark) > 1)
        {
            return mark;
        }

        return language switch
        {
            Language.English => ',',
            Language.Indonesian or Language.Malay => '.',
            _ => mark,
        };
    }

    // Whether the mark groups: one to three digits before it, not a lone 0 or a leading 0 ("0.125", "02.000"), and
    // exactly three after each one ("02.00", a time, and "7,25" do not group).
    private static bool GroupsByThousands(ReadOnlySpan<char> number, char mark)
    {
        int first = number.IndexOf(mark);
        if (first is < 1 or > 3 || number[0] == '0')
        {
            return false;
        }

        for (int at = first; at < number.Length && number[at] == mark;)
        {
            int next = at + 1;
            while (next < number.Length && char.IsAsciiDigit(number[next]))
            {
                next++;
            }

            if (next - at - 1 != 3)
            {
                return false;
            }

            at = next;
        }

        return true;
    }
}
