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

        foreach (Match m in AttributionMatches(text))
        {
            Group name = m.Groups["name"];
            var span = new TextSpan(m.Index, m.Index + m.Length);
            if (!credits.Any(c => c.Span.Overlaps(span)))
            {
                credits.Add(new Credit(Agencies.Canonical(name.Value), CreditKind.Attribution, span, m.Value));
            }
        }

        credits.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return (credits, initials);
    }

    // The most runs of non-white characters an attribution has before its name: "kata", eight words, "kepada" (the
    // verbs' alternative is at most four: "dikutip dari kantor berita").
    private const int RunsBeforeName = 10;

    /// <summary>
    /// What <c>Attribution().Matches(text)</c> gives, found faster. An attribution ends in an agency's name after white
    /// space, where the name pattern matches too; most articles name no agency, and the search for where a name may start
    /// (<see cref="Agencies.NameStarts"/>) tells them at once. But Indonesian writes "antara" ("between") in most
    /// articles, and in those the pattern tried its verbs at every word. A
    /// match starts at a word and ends in a name that opens a run of non-white characters at most
    /// <see cref="RunsBeforeName"/> runs after the match's first; so only the words that close to a place where a name
    /// may start are tried, each with the pattern anchored there, in the order the whole scan would try them. The first
    /// that matches is the scan's next match, since every word before it that could start one was tried.
    /// </summary>
    internal static IEnumerable<Match> AttributionMatches(string text)
    {
        if (Agencies.NameStarts(text) is not { } names)
        {
            foreach (Match m in Attribution().Matches(text))
            {
                yield return m;
            }

            yield break;
        }

        // Every index before `tried` has been tried, or lies inside a match.
        int tried = 0;
        foreach (int name in names)
        {
            int at = Math.Max(tried, RunStartBefore(text, name, RunsBeforeName));
            for (; at < name; at++)
            {
                if (MayStart(text, at) && AttributionAt().Match(text, at) is { Success: true } m)
                {
                    yield return m;
                    at = m.Index + m.Length;
                    break;
                }
            }

            tried = Math.Max(tried, at);
        }
    }

    // Where the pattern's \b and first letter can hold, and more: a letter not after a letter or a digit (the pattern's
    // word characters include a few others, which the anchored pattern then rules out itself).
    private static bool MayStart(string text, int at) => char.IsLetter(text[at]) && (at == 0 || !char.IsLetterOrDigit(text[at - 1]));

    // The start of the run of non-white characters `runs` runs before the one that holds `at`, or 0.
    private static int RunStartBefore(string text, int at, int runs)
    {
        int i = at;
        for (int seen = 0; seen <= runs && i > 0; seen++)
        {
            while (i > 0 && !char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            if (seen < runs)
            {
                while (i > 0 && char.IsWhiteSpace(text[i - 1]))
                {
                    i--;
                }
            }
        }

        return i;
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
    private const string AttributionPattern =
        @"(?:\b(?i:" + Verbs + @")\s+(?:(?i:the|kantor berita|agensi berita|news agency)\s+)?|\b(?i:kata|ujar|said)\b(?:\s+[^\s.]+){0,8}?\s+(?i:kepada|to)\s+)(?<name>" + Agencies.Names + @")\b";

    [GeneratedRegex(AttributionPattern, RegexOptions.CultureInvariant)]
    internal static partial Regex Attribution();

    [GeneratedRegex(@"\G" + AttributionPattern, RegexOptions.CultureInvariant)]
    private static partial Regex AttributionAt();
}
