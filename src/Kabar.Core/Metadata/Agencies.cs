using System.Buffers;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Kabar.Metadata;

/// <summary>News agencies and the names and codes by which Indonesian and English outlets credit them.</summary>
public static partial class Agencies
{
    // Long names match in any case; short all-caps names (AP, AFP, CNA) only in capitals, so "ap" or "cna" inside
    // ordinary prose never counts.
    /// <summary>The regular-expression alternation of every agency name.</summary>
    internal const string Names =
        @"(?i:reuters|agence france-presse|associated press|antara(?: news)?|xinhua|kyodo(?: news)?|yonhap|sputnik|" +
        @"ria novosti|interfax|bloomberg|al jazeera|al mayadeen|channel news ?asia|bernama|anadolu(?: agency)?|" +
        @"kantor berita pusat korea|korean central news agency|press trust of india|jiji press|" +
        @"deutsche presse-agentur|united press international)|AFP|AP|KCNA|TASS|BBC|CNN|CNA|DPA|EFE|NHK|ANI|PTI|UPI|AAP";

    private static readonly FrozenDictionary<string, string> s_canonical = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["reuters"] = "Reuters", ["agence france-presse"] = "AFP", ["afp"] = "AFP", ["associated press"] = "AP", ["ap"] = "AP",
        ["antara"] = "Antara", ["antara news"] = "Antara", ["xinhua"] = "Xinhua", ["kyodo"] = "Kyodo", ["kyodo news"] = "Kyodo",
        ["yonhap"] = "Yonhap", ["sputnik"] = "Sputnik", ["ria novosti"] = "RIA Novosti", ["interfax"] = "Interfax",
        ["bloomberg"] = "Bloomberg", ["al jazeera"] = "Al Jazeera", ["al mayadeen"] = "Al Mayadeen",
        ["channel news asia"] = "Channel News Asia", ["channel newsasia"] = "Channel News Asia", ["cna"] = "Channel News Asia",
        ["bernama"] = "Bernama", ["anadolu"] = "Anadolu", ["anadolu agency"] = "Anadolu", ["kcna"] = "KCNA",
        ["kantor berita pusat korea"] = "KCNA", ["korean central news agency"] = "KCNA", ["tass"] = "TASS", ["bbc"] = "BBC",
        ["cnn"] = "CNN", ["dpa"] = "DPA", ["deutsche presse-agentur"] = "DPA", ["efe"] = "EFE", ["nhk"] = "NHK", ["ani"] = "ANI",
        ["pti"] = "PTI", ["press trust of india"] = "PTI", ["jiji press"] = "Jiji", ["upi"] = "UPI",
        ["united press international"] = "UPI", ["aap"] = "AAP",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Codes used in Indonesian closing credits such as "(oln/sptnk/rtrs/almydn/*)".
    private static readonly FrozenDictionary<string, string> s_codes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["rtrs"] = "Reuters", ["reuters"] = "Reuters", ["afp"] = "AFP", ["ap"] = "AP", ["ant"] = "Antara", ["antara"] = "Antara",
        ["xinhua"] = "Xinhua", ["xnh"] = "Xinhua", ["sptnk"] = "Sputnik", ["almydn"] = "Al Mayadeen", ["aljz"] = "Al Jazeera",
        ["aljazeera"] = "Al Jazeera", ["kcna"] = "KCNA", ["yonhap"] = "Yonhap", ["yna"] = "Yonhap", ["kyodo"] = "Kyodo",
        ["tass"] = "TASS", ["bbc"] = "BBC", ["cnn"] = "CNN", ["cna"] = "Channel News Asia", ["dpa"] = "DPA",
        ["bernama"] = "Bernama", ["anadolu"] = "Anadolu", ["aa"] = "Anadolu", ["bloomberg"] = "Bloomberg", ["rt"] = "RT",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // What every alternative of Names begins with, for a search many times faster than the pattern's: the long names in
    // any case, the short ones in capitals. A test reads Names to hold the two lists to it.
    private static readonly SearchValues<string> s_longNames = SearchValues.Create(
    [
        "reuters", "agence france-presse", "associated press", "antara", "xinhua", "kyodo", "yonhap", "sputnik", "ria novosti",
        "interfax", "bloomberg", "al jazeera", "al mayadeen", "channel news", "bernama", "anadolu", "kantor berita pusat korea",
        "korean central news agency", "press trust of india", "jiji press", "deutsche presse-agentur", "united press international",
    ], StringComparison.OrdinalIgnoreCase);

    private static readonly string[] s_shortNameList = ["AFP", "AP", "KCNA", "TASS", "BBC", "CNN", "CNA", "DPA", "EFE", "NHK", "ANI", "PTI", "UPI", "AAP"];
    private static readonly SearchValues<string> s_shortNames = SearchValues.Create(s_shortNameList, StringComparison.Ordinal);

    /// <summary>Every index of <paramref name="text"/> at which <see cref="Name"/> may match, ascending, and possibly
    /// more: a long name's start in any case, a short one's in capitals as a whole word. Empty for most articles, which
    /// name no agency: two vectorized searches tell them far faster than the pattern. Null when the text holds a
    /// character only the pattern equates with a name's letter (<see cref="RegexOnlyCaseVariants"/>): then any index may.</summary>
    internal static List<int>? NameStarts(ReadOnlySpan<char> text)
    {
        // The pattern's case-insensitive names also take the Kelvin sign for 'k'; an ordinal search does not, so a text
        // holding one is left to the pattern (normalised text has none: NFC makes it a 'K').
        if (text.IndexOfAny(RegexOnlyCaseVariants) >= 0)
        {
            return null;
        }

        var starts = new List<int>();
        for (int at = 0; at < text.Length && text[at..].IndexOfAny(s_longNames) is int found and >= 0; at += found + 1)
        {
            starts.Add(at + found);
        }

        // Capitals such as "APBN" hold "AP" at the start of a word in most Indonesian articles, so a hit counts only as a
        // whole word, as the pattern's \b asks.
        int longNames = starts.Count;
        for (int at = 0; at < text.Length && text[at..].IndexOfAny(s_shortNames) is int found and >= 0;)
        {
            at += found;
            if ((at == 0 || !IsWordChar(text[at - 1])) && IsWholeShortName(text[at..]))
            {
                starts.Add(at);
            }

            // Past this run of capitals: no other word starts inside it.
            int next = text[at..].IndexOfAnyExceptInRange('A', 'Z');
            at = next < 0 ? text.Length : at + next;
        }

        if (longNames > 0 && starts.Count > longNames)
        {
            starts.Sort();
        }

        return starts;
    }

    private static bool IsWholeShortName(ReadOnlySpan<char> from)
    {
        foreach (string name in s_shortNameList)
        {
            if (from.StartsWith(name, StringComparison.Ordinal) && (from.Length == name.Length || !IsWordChar(from[name.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Characters the pattern's case-insensitive names equate with a name's ASCII letter, and an ordinal
    /// comparison ignoring case does not.</summary>
    internal const string RegexOnlyCaseVariants = "\u212A";

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>Any agency name, as a whole word.</summary>
    public static Regex Name { get; } = NameRegex();

    /// <summary>A line made only of agency names joined by '|', '/', ',', '&amp;', "dan" or "and".</summary>
    public static Regex LineOfNames { get; } = LineRegex();

    /// <summary>A credit of the form "KCNA via REUTERS", alone.</summary>
    public static Regex ViaLine { get; } = ViaRegex();

    /// <summary>The canonical name of an agency as written, e.g. "REUTERS" → "Reuters".</summary>
    public static string Canonical(string written) =>
        s_canonical.TryGetValue(Regex.Replace(written.Trim(), @"\s+", " "), out string? name) ? name : written.Trim();

    /// <summary>The agency behind a closing-credit code, or null for a code that is someone's initials.</summary>
    public static string? FromCode(string code) => s_codes.TryGetValue(code, out string? name) ? name : null;

    [GeneratedRegex(@"\b(?:" + Names + @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex NameRegex();

    [GeneratedRegex(@"^\s*(?:" + Names + @")\s+via\s+(?:" + Names + @")\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ViaRegex();

    [GeneratedRegex(@"^\s*(?:" + Names + @")(?:\s*(?:\||/|,|&|\bdan\b|\band\b)\s*(?:" + Names + @"))*\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex LineRegex();
}
