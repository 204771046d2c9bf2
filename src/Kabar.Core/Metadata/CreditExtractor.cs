using System.Text.RegularExpressions;
using Kabar.Text;

namespace Kabar.Metadata;

/// <summary>
/// Finds the sources an article credits: closing codes ("(oln/sptnk/rtrs/almydn/*)": Sputnik, Reuters, Al Mayadeen;
/// "oln" is an editor's initials), credit lines ("ANTARA | CHANNEL NEWS ASIA"), "KCNA via REUTERS", and attribution in
/// the story ("Diberitakan Reuters", "lapor Reuters", "kata … kepada Reuters", "menurut KCNA", "according to AFP").
/// </summary>
public static partial class CreditExtractor
{
    private const string Verbs =
        @"diberitakan|dilaporkan|melaporkan|lapor|laporan|menurut|dikutip dari|mengutip|dilansir(?: dari)?|melansir|" +
        @"kepada|dari|reported by|according to|told|quoted by|sumber|source";

    /// <summary>The credits of <paramref name="text"/> and the initials found in its closing codes.</summary>
    public static (List<Credit> Credits, List<string> Initials) Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var credits = new List<Credit>();
        var initials = new List<string>();
        foreach (Match m in ClosingCodes().Matches(text))
        {
            Group codes = m.Groups["codes"];
            int offset = codes.Index;
            foreach (string code in codes.Value.Split('/'))
            {
                string trimmed = code.Trim();
                int at = text.IndexOf(trimmed, offset, StringComparison.Ordinal);
                offset = at + trimmed.Length;
                if (trimmed == "*" || trimmed.Length == 0)
                {
                    continue;
                }

                if (Agencies.FromCode(trimmed) is { } agency)
                {
                    credits.Add(new Credit(agency, CreditKind.ClosingCode, new TextSpan(at, at + trimmed.Length), trimmed));
                }
                else
                {
                    initials.Add(trimmed);
                }
            }
        }

        // Every line of every article is tried, so without a Match and a string for each.
        foreach (ValueMatch line in Lines().EnumerateMatches(text))
        {
            if (Agencies.LineOfNames.IsMatch(text.AsSpan(line.Index, line.Length)))
            {
                AddNames(text, new TextSpan(line.Index, line.Index + line.Length), CreditKind.CreditLine, credits);
            }
        }

        foreach (Match m in Via().Matches(text))
        {
            AddNames(text, new TextSpan(m.Index, m.Index + m.Length), CreditKind.Via, credits);
        }

        // An attribution ends in a name after white space, where the name pattern matches too. Most articles name no
        // agency, and one search for a name costs far less than trying the attribution's verbs at every word.
        if (Agencies.MayHoldName(text))
        {
            foreach (Match m in Attribution().Matches(text))
            {
                Group name = m.Groups["name"];
                var span = new TextSpan(m.Index, m.Index + m.Length);
                if (!credits.Any(c => c.Span.Overlaps(span)))
                {
                    credits.Add(new Credit(Agencies.Canonical(name.Value), CreditKind.Attribution, span, m.Value));
                }
            }
        }

        credits.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return (credits, initials);
    }

    private static void AddNames(string text, TextSpan span, CreditKind kind, List<Credit> credits)
    {
        foreach (Match name in Agencies.Name.Matches(span.Of(text)))
        {
            var at = new TextSpan(span.Start + name.Index, span.Start + name.Index + name.Length);
            credits.Add(new Credit(Agencies.Canonical(name.Value), kind, at, name.Value));
        }
    }

    [GeneratedRegex(@"\((?<codes>\s*[A-Za-z*]{1,12}(?:\s*/\s*[A-Za-z*]{1,12})+\s*)\)\s*\.?\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ClosingCodes();

    [GeneratedRegex(@"^[^\n]{2,120}$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Lines();

    [GeneratedRegex(@"\b(?:[A-Z][A-Za-z]+|AP|AFP)\s+via\s+(?:[A-Z][A-Za-z]+|AP|AFP)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Via();

    // "kata … kepada Reuters" allows up to eight words between the speech verb and "kepada".
    [GeneratedRegex(@"(?:\b(?i:" + Verbs + @")\s+(?:(?i:the|kantor berita|agensi berita|news agency)\s+)?|\b(?i:kata|ujar|said)\b(?:\s+[^\s.]+){0,8}?\s+(?i:kepada|to)\s+)(?<name>" + Agencies.Names + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();
}
