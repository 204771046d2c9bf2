using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Kabar.Text;

namespace Kabar.Metadata;

/// <summary>
/// Finds dates written in Indonesian and English news: "Rabu, 19 Juni 2024", "Jumat (21 Juni 2024)",
/// "Kamis (20/6/2024)", "Rabu (19/06)", "20 June 2024", "June 20, 2024", "2024-06-20", "Februari 2022", with an
/// optional time and zone ("14:05 WIB"). A date written without its year takes the year of the article's other
/// dates whose weekday matches. Culture-free: month and day names are tables, not the current culture.
/// </summary>
public static partial class DateExtractor
{
    private static readonly FrozenDictionary<string, int> s_months = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["january"] = 1, ["jan"] = 1, ["februari"] = 2, ["february"] = 2, ["feb"] = 2, ["pebruari"] = 2,
        ["maret"] = 3, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4, ["mei"] = 5, ["may"] = 5, ["juni"] = 6,
        ["june"] = 6, ["jun"] = 6, ["juli"] = 7, ["july"] = 7, ["jul"] = 7, ["agustus"] = 8, ["august"] = 8, ["agu"] = 8,
        ["agt"] = 8, ["aug"] = 8, ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["oktober"] = 10, ["october"] = 10,
        ["okt"] = 10, ["oct"] = 10, ["november"] = 11, ["nopember"] = 11, ["nov"] = 11, ["desember"] = 12, ["december"] = 12,
        ["des"] = 12, ["dec"] = 12,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, DayOfWeek> s_weekdays = new Dictionary<string, DayOfWeek>(StringComparer.OrdinalIgnoreCase)
    {
        ["senin"] = DayOfWeek.Monday, ["selasa"] = DayOfWeek.Tuesday, ["rabu"] = DayOfWeek.Wednesday, ["kamis"] = DayOfWeek.Thursday,
        ["jumat"] = DayOfWeek.Friday, ["jum'at"] = DayOfWeek.Friday, ["sabtu"] = DayOfWeek.Saturday, ["minggu"] = DayOfWeek.Sunday,
        ["ahad"] = DayOfWeek.Sunday, ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday, ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, TimeSpan> s_zones = new Dictionary<string, TimeSpan>(StringComparer.OrdinalIgnoreCase)
    {
        ["wib"] = TimeSpan.FromHours(7), ["wita"] = TimeSpan.FromHours(8), ["wit"] = TimeSpan.FromHours(9),
        ["utc"] = TimeSpan.Zero, ["gmt"] = TimeSpan.Zero,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly int s_longestWeekday = s_weekdays.Keys.Max(k => k.Length);

    // Each pattern's matches, and whether its month is a number; an earlier pattern's match wins over a later one's.
    private static readonly (Func<string, IEnumerable<Match>> Find, bool Numeric)[] s_finders =
        [(DayMonthYearMatches, false), (MonthDayYear().Matches, false), (Iso().Matches, true), (Numeric().Matches, true), (MonthYear().Matches, false)];

    private const string Weekday = @"(?<wd>Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    private const string Month = @"(?<m>Januari|January|Februari|Pebruari|February|Maret|March|April|Mei|May|Juni|June|Juli|July|Agustus|August|September|Oktober|October|November|Nopember|Desember|December|Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Aug|Sept|Sep|Okt|Oct|Nov|Des|Dec)";
    private const string Time = @"(?:,?\s*(?:pukul\s*|jam\s*|at\s*)?(?<hh>\d{1,2})[:.](?<mm>\d{2})\s*(?<tz>WIB|WITA|WIT|UTC|GMT)?)?";

    /// <summary>All dates in <paramref name="text"/>, in text order.</summary>
    public static List<DateMention> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = new List<(Match Match, bool Numeric)>();
        var taken = new List<TextSpan>();
        foreach ((Func<string, IEnumerable<Match>> find, bool numeric) in s_finders)
        {
            foreach (Match m in find(text))
            {
                var span = new TextSpan(m.Index, m.Index + m.Length);
                if (!taken.Any(t => t.Overlaps(span)))
                {
                    taken.Add(span);
                    raw.Add((m, numeric));
                }
            }
        }

        raw.Sort((x, y) => x.Match.Index.CompareTo(y.Match.Index));
        int? contextYear = raw
            .Where(r => r.Match.Groups["y"].Success)
            .Select(r => Year(r.Match.Groups["y"].Value))
            .GroupBy(y => y).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();

        var dates = new List<DateMention>(raw.Count);
        foreach ((Match m, bool numeric) in raw)
        {
            if (Resolve(m, numeric, contextYear) is { } date)
            {
                dates.Add(date);
            }
        }

        return dates;
    }

    /// <summary>
    /// What <c>DayMonthYear().Matches(text)</c> gives, found faster. The pattern's optional weekday makes it try nearly
    /// every word; its core (day, month, year) starts only at a digit. So the core is found first, and the whole pattern
    /// run from the furthest a weekday before it could start. No match can start earlier: its characters before its day
    /// are a weekday's letters, ',', '(' and white space, so it would have to reach this core's day, and start within
    /// the walk back.
    /// </summary>
    internal static IEnumerable<Match> DayMonthYearMatches(string text)
    {
        int from = 0;
        while (from < text.Length && DayMonthYearCore().Match(text, from) is { Success: true } core)
        {
            Match m = DayMonthYear().Match(text, Math.Max(from, WeekdayCouldStart(text, core.Index, from)));
            if (!m.Success)
            {
                yield break;
            }

            yield return m;
            from = m.Index + m.Length;
        }
    }

    // The earliest a weekday and the ",?\s*\(?\s*" after it could start, before a day at "day".
    private static int WeekdayCouldStart(string text, int day, int from)
    {
        int at = day;
        at = SkipBackWhiteSpace(text, at, from);
        at = at > from && text[at - 1] == '(' ? at - 1 : at;
        at = SkipBackWhiteSpace(text, at, from);
        at = at > from && text[at - 1] == ',' ? at - 1 : at;
        return at - s_longestWeekday;
    }

    private static int SkipBackWhiteSpace(string text, int at, int from)
    {
        while (at > from && char.IsWhiteSpace(text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private static DateMention? Resolve(Match m, bool numeric, int? contextYear)
    {
        int month = numeric ? Int(m.Groups["m"].Value) : s_months[m.Groups["m"].Value];
        int? day = m.Groups["d"].Success ? Int(m.Groups["d"].Value) : null;
        DayOfWeek? weekday = m.Groups["wd"].Success ? s_weekdays[m.Groups["wd"].Value] : null;
        bool inferred = !m.Groups["y"].Success;
        int year;
        if (!inferred)
        {
            year = Year(m.Groups["y"].Value);
        }
        else if (contextYear is { } context && day is { } d)
        {
            // The weekday decides between neighbouring years; without one the article's year stands.
            year = weekday is { } wd
                ? new[] { context, context - 1, context + 1 }.FirstOrDefault(y => IsValid(y, month, d) && new DateTime(y, month, d).DayOfWeek == wd, context)
                : context;
        }
        else
        {
            return null;
        }

        if (month is < 1 or > 12 || (day is { } dd && !IsValid(year, month, dd)) || year is < 1900 or > 2100)
        {
            return null;
        }

        TimeOnly? time = null;
        TimeSpan? offset = null;
        if (m.Groups["hh"].Success && Int(m.Groups["hh"].Value) < 24 && Int(m.Groups["mm"].Value) < 60)
        {
            time = new TimeOnly(Int(m.Groups["hh"].Value), Int(m.Groups["mm"].Value));
            offset = m.Groups["tz"].Success ? s_zones[m.Groups["tz"].Value] : null;
        }

        bool mismatch = weekday is { } w && day is { } dy && new DateTime(year, month, dy).DayOfWeek != w;
        return new DateMention(new TextSpan(m.Index, m.Index + m.Length), m.Value, year, month, day, time, offset, inferred, mismatch);
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Int(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Year(string s) => s.Length == 2 ? 2000 + Int(s) : Int(s);

    [GeneratedRegex(@"\b(?:" + Weekday + @",?\s*\(?\s*)?(?<d>\d{1,2})\s+" + Month + @"\.?\s+(?<y>\d{4})\b\)?" + Time, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    internal static partial Regex DayMonthYear();

    [GeneratedRegex(@"\d{1,2}\s+" + Month + @"\.?\s+\d{4}\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYearCore();

    [GeneratedRegex(@"\b(?:" + Weekday + @",?\s*)?" + Month + @"\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})\b" + Time, RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"\b(?<y>(?:19|20)\d{2})-(?<m>\d{2})-(?<d>\d{2})(?:[T ](?<hh>\d{2}):(?<mm>\d{2})(?::\d{2})?)?", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    // "(19/06)", "Rabu (19/06)", "Kamis (20/6/2024)", or a bare "20/6/2024"; a bare "1/2" is a fraction, not a date.
    [GeneratedRegex(@"(?:\b" + Weekday + @",?\s*)?\(\s*(?<d>\d{1,2})/(?<m>\d{1,2})(?:/(?<y>\d{4}|\d{2}))?\s*\)" + Time + @"|\b(?<d>\d{1,2})/(?<m>\d{1,2})/(?<y>\d{4})\b" + Time, RegexOptions.CultureInvariant)]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b" + Month + @"\s+(?<y>(?:19|20)\d{2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthYear();
}
