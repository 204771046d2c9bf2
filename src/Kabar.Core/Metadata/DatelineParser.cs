using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Kabar.Text;

namespace Kabar.Metadata;

/// <summary>
/// Recognises the datelines of Indonesian and English outlets at the start of a story line:
/// "TEMPO.CO, Jakarta -", "JAKARTA, KOMPAS.com -", "Jakarta, CNN Indonesia --", "TRIBUNNEWS.COM -",
/// "Jakarta (ANTARA) -", "WASHINGTON, June 20 (Reuters) -". Dashes are already normalised to '-'.
/// </summary>
public static partial class DatelineParser
{
    private static readonly FrozenDictionary<string, string> s_outlets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["tribunnews.com"] = "Tribunnews", ["tempo.co"] = "Tempo", ["kompas.com"] = "Kompas", ["kompas.id"] = "Kompas",
        ["detik.com"] = "Detik", ["detikcom"] = "Detik", ["detiknews"] = "Detik", ["cnn indonesia"] = "CNN Indonesia",
        ["cnnindonesia.com"] = "CNN Indonesia", ["cnbc indonesia"] = "CNBC Indonesia", ["cnbcindonesia.com"] = "CNBC Indonesia",
        ["antara"] = "Antara", ["antaranews.com"] = "Antara", ["republika.co.id"] = "Republika", ["liputan6.com"] = "Liputan6",
        ["okezone.com"] = "Okezone", ["suara.com"] = "Suara", ["viva.co.id"] = "VIVA", ["merdeka.com"] = "Merdeka",
        ["sindonews.com"] = "Sindonews", ["jpnn.com"] = "JPNN", ["jawapos.com"] = "Jawa Pos", ["bisnis.com"] = "Bisnis",
        ["kontan.co.id"] = "Kontan", ["katadata.co.id"] = "Katadata", ["idntimes.com"] = "IDN Times", ["kumparan"] = "Kumparan",
        ["kumparan.com"] = "Kumparan", ["inews.id"] = "iNews", ["medcom.id"] = "Medcom", ["reuters"] = "Reuters", ["afp"] = "AFP",
        ["ap"] = "AP", ["bernama"] = "Bernama",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private const string Domain = @"[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z]{2,4}){1,2}";
    private const string Place = @"[A-Z][\p{L}]+(?:[ -][A-Z][\p{L}]+){0,2}";

    /// <summary>The dateline at the start of <c>text[line]</c>, if any.</summary>
    public static Dateline? Parse(string text, TextSpan line)
    {
        ArgumentNullException.ThrowIfNull(text);
        string content = line.Of(text);
        foreach (Regex pattern in (ReadOnlySpan<Regex>)[DomainPlace(), PlaceDomain(), PlaceNamedOutlet(), PlaceAgency(), DomainOnly()])
        {
            Match m = pattern.Match(content);
            if (m.Success)
            {
                string written = m.Groups["outlet"].Value;
                string? place = m.Groups["place"].Success ? m.Groups["place"].Value : null;
                if (place is not null && place.ToUpperInvariant() == place && place.Length > 1)
                {
                    place = place[0] + place[1..].ToLowerInvariant(); // "JAKARTA" → "Jakarta"
                }

                return new Dateline(new TextSpan(line.Start, line.Start + m.Length), OutletName(written), written, place);
            }
        }

        return null;
    }

    /// <summary>The usual name of an outlet written as a domain or brand ("TEMPO.CO" → "Tempo").</summary>
    public static string OutletName(string written)
    {
        string key = written.Trim();
        if (s_outlets.TryGetValue(key, out string? name))
        {
            return name;
        }

        int dot = key.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && s_outlets.TryGetValue(key[..dot] + ".com", out name) ? name : key;
    }

    [GeneratedRegex(@"^(?<outlet>" + Domain + @")\s*,\s*(?<place>" + Place + @")\s*-{1,2}\s+", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPlace();

    [GeneratedRegex(@"^(?<place>[A-Z][A-Z]+(?: [A-Z]+){0,2})\s*,\s*(?<outlet>" + Domain + @")\s*-{1,2}\s+", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceDomain();

    [GeneratedRegex(@"^(?<place>" + Place + @")\s*,\s*(?<outlet>CNN Indonesia|CNBC Indonesia|Kumparan|detikcom|detikNews)\s*-{1,2}\s+", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceNamedOutlet();

    [GeneratedRegex(@"^(?<place>" + Place + @")(?:,\s*[A-Z][a-z]+\.? \d{1,2})?\s*\((?<outlet>ANTARA|Antara|Reuters|AFP|AP|Bernama|Xinhua)\)\s*-{1,2}\s+", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceAgency();

    [GeneratedRegex(@"^(?<outlet>" + Domain + @")\s*-{1,2}\s+", RegexOptions.CultureInvariant)]
    private static partial Regex DomainOnly();
}
