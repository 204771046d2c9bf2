using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Kabar.Metadata;

namespace Kabar.Web.Feeds;

/// <summary>One entry of a feed.</summary>
/// <param name="Id">The item's guid (RSS) or id (Atom), else its link: what makes it "seen".</param>
/// <param name="Link">The article's address.</param>
/// <param name="Title">Its title.</param>
/// <param name="Published">ISO 8601 publication date, when the feed gave one that could be read.</param>
public sealed record FeedItem(string Id, string? Link, string? Title, string? Published);

/// <summary>Reads RSS 2.0 and Atom feeds. External entities and DTDs are refused, so a feed cannot reach files or
/// expand into gigabytes.</summary>
public static partial class FeedParser
{
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace s_dc = "http://purl.org/dc/elements/1.1/";

    /// <summary>The feed's items in document order, or why the bytes are not a feed.</summary>
    public static Result<IReadOnlyList<FeedItem>> Parse(byte[] xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(xml), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = Limits.MaxPageBytes,
            });
            document = XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            return Result<IReadOnlyList<FeedItem>>.Failure(RejectionReason.Undecodable, $"malformed feed XML at line {e.LineNumber}, position {e.LinePosition}: {e.Message.Split(" Line ")[0]}");
        }

        XElement root = document.Root!;
        IEnumerable<FeedItem?> items = root.Name.LocalName switch
        {
            "rss" or "RDF" => root.Descendants().Where(e => e.Name.LocalName == "item").Select(Rss),
            "feed" => root.Elements(s_atom + "entry").Select(Atom),
            _ => [],
        };
        if (root.Name.LocalName is not ("rss" or "RDF" or "feed"))
        {
            return Result<IReadOnlyList<FeedItem>>.Failure(RejectionReason.Undecodable, $"not an RSS or Atom feed (the document is <{root.Name.LocalName}>)");
        }

        return Result<IReadOnlyList<FeedItem>>.Success([.. items.OfType<FeedItem>()]);
    }

    private static FeedItem? Rss(XElement item)
    {
        string? link = Text(item, "link");
        string? id = Text(item, "guid") ?? link;
        return id is null ? null : new FeedItem(id, link ?? (id.StartsWith("http", StringComparison.Ordinal) ? id : null), Text(item, "title"),
            Date(Text(item, "pubDate") ?? item.Element(s_dc + "date")?.Value));
    }

    private static FeedItem? Atom(XElement entry)
    {
        string? link = entry.Elements(s_atom + "link")
            .FirstOrDefault(l => (string?)l.Attribute("rel") is null or "alternate")?.Attribute("href")?.Value;
        string? id = Clean(entry.Element(s_atom + "id")?.Value) ?? link;
        return id is null ? null : new FeedItem(id, link, Clean(entry.Element(s_atom + "title")?.Value),
            Date(entry.Element(s_atom + "published")?.Value ?? entry.Element(s_atom + "updated")?.Value));
    }

    private static string? Text(XElement item, string name) => Clean(item.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// A feed date as ISO 8601: RFC 822 ("Wed, 19 Jun 2024 14:05:00 +0700", "… GMT"), ISO 8601, and the Indonesian
    /// forms feeds use ("Rabu, 19 Jun 2024 14:05 WIB", "19 Juni 2024 14:05 WITA"); null when none fits.
    /// </summary>
    public static string? Date(string? text)
    {
        text = Clean(text);
        if (text is null)
        {
            return null;
        }

        Match rfc = Rfc822().Match(text);
        if (rfc.Success && DateTime.TryParseExact($"{rfc.Groups["day"].Value} {rfc.Groups["month"].Value} {rfc.Groups["year"].Value} {rfc.Groups["time"].Value}",
                ["d MMM yyyy HH:mm:ss", "d MMM yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local)
            && Offset(rfc.Groups["zone"].Value) is { } offset)
        {
            return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        if (text.Length >= 10 && char.IsAsciiDigit(text[0]) && text[4] == '-'
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset iso))
        {
            return text.Length == 10 ? text : iso.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        }

        // Indonesian month names and WIB/WITA/WIT: the article date reader knows them.
        return DateExtractor.Extract(text).FirstOrDefault()?.Iso;
    }

    private static TimeSpan? Offset(string zone) => zone.ToUpperInvariant() switch
    {
        "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
        "WIB" => TimeSpan.FromHours(7),
        "WITA" => TimeSpan.FromHours(8),
        "WIT" => TimeSpan.FromHours(9),
        "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        ['+' or '-', _, _, _, _] => new TimeSpan(int.Parse(zone[1..3], CultureInfo.InvariantCulture), int.Parse(zone[3..], CultureInfo.InvariantCulture), 0) * (zone[0] == '-' ? -1 : 1),
        _ => null,
    };

    [GeneratedRegex(@"^(?:[A-Za-z]{2,9},?\s+)?(?<day>\d{1,2})\s+(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(?<year>\d{4})\s+(?<time>\d{1,2}:\d{2}(?::\d{2})?)\s*(?<zone>[+-]\d{4}|[A-Z]{1,4})$")]
    private static partial Regex Rfc822();
}
