using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Kabar.Web.Html;

/// <summary>What a page says about its article, each item from the most reliable place that has it.</summary>
/// <param name="Title">JSON-LD headline, Open Graph, the first <c>h1</c>, or <c>&lt;title&gt;</c> without the site's name.</param>
/// <param name="Published">ISO 8601 publication date or date-time.</param>
/// <param name="PublishedFrom">Where <paramref name="Published"/> came from: json-ld, meta, time, url.</param>
/// <param name="Modified">ISO 8601 date of the last update.</param>
/// <param name="Authors">Names of the authors, in page order, without "By".</param>
/// <param name="Site">The outlet's name.</param>
/// <param name="CanonicalUrl">The page's canonical address.</param>
/// <param name="Language">Two-letter language code the page declares.</param>
/// <param name="NextPage">Where the article continues, when it is split over pages ("Halaman selanjutnya").</param>
public sealed record PageMetadata(
    string? Title, string? Published, string? PublishedFrom, string? Modified, IReadOnlyList<string> Authors, string? Site,
    string? CanonicalUrl, string? Language, string? NextPage = null);

/// <summary>Reads <see cref="PageMetadata"/> from a parsed page: JSON-LD first, then meta tags, then the markup.</summary>
internal static partial class PageMetadataReader
{
    private static readonly string[] s_articleTypes = ["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "OpinionNewsArticle", "LiveBlogPosting", "WebPage"];

    public static PageMetadata Read(IDocument document, string? url)
    {
        JsonElement? ld = LinkedData(document);
        string? site = Meta(document, "og:site_name") ?? LdName(ld, "publisher") ?? Meta(document, "application-name") ?? Host(url);
        (string? published, string? from) = PublishedDate(document, ld, url);
        return new PageMetadata(
            Title(document, ld, [site, Host(url)]),
            published,
            from,
            IsoDate(LdString(ld, "dateModified") ?? Meta(document, "article:modified_time", "og:updated_time", "dateModified", "last-modified")),
            Authors(document, ld),
            site,
            Clean(document.QuerySelector("link[rel=canonical]")?.GetAttribute("href")) ?? Meta(document, "og:url") ?? url,
            Language(document),
            NextPage(document, url));
    }

    private static string? Title(IDocument document, JsonElement? ld, string?[] siteNames)
    {
        string? title = LdString(ld, "headline") ?? Meta(document, "og:title", "twitter:title")
            ?? Clean(document.QuerySelector("h1")?.TextContent) ?? Clean(document.Title);
        if (title is null)
        {
            return null;
        }

        // "Headline | Site" and "Headline - Site": drop the part that names the site ("Daily Harbour" names
        // dailyharbour.example too).
        foreach (string separator in new[] { " | ", " - ", " – ", " — ", " :: " })
        {
            int at = title.LastIndexOf(separator, StringComparison.Ordinal);
            string suffix = at > 0 ? Squash(title[(at + separator.Length)..]) : "";
            if (suffix.Length > 0 && siteNames.Any(name => name is not null && (Squash(name).Contains(suffix, StringComparison.Ordinal) || suffix.Contains(Squash(name), StringComparison.Ordinal))))
            {
                return title[..at].Trim();
            }
        }

        return title;
    }

    private static string Squash(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static (string?, string?) PublishedDate(IDocument document, JsonElement? ld, string? url)
    {
        if (IsoDate(LdString(ld, "datePublished") ?? LdString(ld, "dateCreated")) is { } fromLd)
        {
            return (fromLd, "json-ld");
        }

        if (IsoDate(Meta(document, "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
            "publish-date", "date", "dc.date", "dc.date.issued", "parsely-pub-date", "sailthru.date", "content_PublishedDate")) is { } fromMeta)
        {
            return (fromMeta, "meta");
        }

        foreach (IElement time in document.QuerySelectorAll("time[datetime], [itemprop=datePublished]"))
        {
            if (IsoDate(time.GetAttribute("datetime") ?? time.GetAttribute("content")) is { } fromTime)
            {
                return (fromTime, "time");
            }
        }

        // Last resort: /2024/06/19/ or /20240619/ in the address (often the day the URL was made, not published).
        Match match = url is null ? Match.Empty : UrlDate().Match(url);
        return match.Success && DateOnly.TryParseExact($"{match.Groups["y"].Value}-{match.Groups["m"].Value}-{match.Groups["d"].Value}", "yyyy-MM-dd",
            CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
            ? (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "url")
            : (null, null);
    }

    private static List<string> Authors(IDocument document, JsonElement? ld)
    {
        var names = new List<string>();
        void Add(string? name)
        {
            name = Clean(name);
            if (name is null || name.StartsWith("http", StringComparison.OrdinalIgnoreCase) || name.Length > 80)
            {
                return;
            }

            name = ByPrefix().Replace(name, "");
            if (name.Length > 0 && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                names.Add(name);
            }
        }

        if (ld is { } article && article.TryGetProperty("author", out JsonElement author))
        {
            foreach (JsonElement one in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray() : Enumerable.Repeat(author, 1))
            {
                Add(one.ValueKind == JsonValueKind.String ? one.GetString() : Property(one, "name"));
            }
        }

        if (names.Count == 0)
        {
            Add(Meta(document, "author", "article:author", "parsely-author", "sailthru.author", "byl"));
            foreach (IElement element in document.QuerySelectorAll("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author]:not(:has([itemprop=name]))"))
            {
                Add(element.GetAttribute("content") ?? element.TextContent);
            }
        }

        return names;
    }

    // rel="next", else a link that says it leads to the next page of the article.
    private static string? NextPage(IDocument document, string? url)
    {
        string? href = document.QuerySelector("link[rel=next], a[rel=next]")?.GetAttribute("href")
            ?? document.QuerySelectorAll("a[href]").FirstOrDefault(a => NextPageLabel().IsMatch(Clean(a.TextContent) ?? ""))?.GetAttribute("href");
        if (href is null || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out Uri? page) && Uri.TryCreate(page, href, out Uri? next) ? next.AbsoluteUri : href;
    }

    private static string? Language(IDocument document)
    {
        string? code = Clean(document.DocumentElement.GetAttribute("lang")) ?? Meta(document, "content-language", "og:locale", "dc.language");
        return code is { Length: >= 2 } && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]) ? code[..2].ToLowerInvariant() : null;
    }

    /// <summary>The first article-like object of the page's JSON-LD (inside arrays and <c>@graph</c> too).</summary>
    private static JsonElement? LinkedData(IDocument document)
    {
        JsonElement? fallback = null;
        foreach (IElement script in document.QuerySelectorAll("script[type='application/ld+json']"))
        {
            try
            {
                using JsonDocument json = JsonDocument.Parse(script.TextContent, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                foreach (JsonElement item in Flatten(json.RootElement))
                {
                    string? type = item.TryGetProperty("@type", out JsonElement t)
                        ? t.ValueKind == JsonValueKind.Array ? string.Join(' ', t.EnumerateArray().Select(x => x.ToString())) : t.ToString()
                        : null;
                    int rank = type is null ? -1 : Array.FindIndex(s_articleTypes, a => type.Split(' ').Contains(a));
                    if (rank >= 0 && rank < s_articleTypes.Length - 1)
                    {
                        return item.Clone();
                    }

                    fallback ??= rank >= 0 ? item.Clone() : null;
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the meta tags and markup still speak.
            }
        }

        return fallback;
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            return element.EnumerateArray().SelectMany(Flatten);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return element.TryGetProperty("@graph", out JsonElement graph) ? [element, .. Flatten(graph)] : [element];
    }

    private static string? LdString(JsonElement? ld, string name) => ld is { } e ? Property(e, name) : null;

    private static string? LdName(JsonElement? ld, string name) =>
        ld is { } e && e.TryGetProperty(name, out JsonElement value) ? value.ValueKind == JsonValueKind.String ? Clean(value.GetString()) : Property(value, "name") : null;

    private static string? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? Clean(value.GetString()) : null;

    /// <summary>The content of the first of these meta tags (by property, name or itemprop) that has one.</summary>
    private static string? Meta(IDocument document, params string[] names)
    {
        foreach (string name in names)
        {
            foreach (IElement meta in document.QuerySelectorAll("meta"))
            {
                string? key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop") ?? meta.GetAttribute("http-equiv");
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && Clean(meta.GetAttribute("content")) is { } content)
                {
                    return content;
                }
            }
        }

        return null;
    }

    /// <summary>An ISO 8601 form of a machine-readable date ("2024-06-19", "2024-06-19T14:05:00+07:00"), or null.</summary>
    internal static string? IsoDate(string? text)
    {
        text = Clean(text);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day))
        {
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out DateTimeOffset moment)
            && moment.Year is > 1990 and < 2100
            ? moment.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)
            : null;
    }

    private static string? Host(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) ? uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host : null;

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : MainContent.Normalize(text);

    [GeneratedRegex(@"/(?<y>(19|20)\d\d)[/\-]?(?<m>[01]\d)[/\-]?(?<d>[0-3]\d)(/|[^\d]|$)")]
    private static partial Regex UrlDate();

    [GeneratedRegex(@"^(by|oleh|penulis|reporter)\s*:?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"^(halaman selanjutnya|halaman berikutnya|selanjutnya|berikutnya|next page|next)\s*[»›>]*$", RegexOptions.IgnoreCase)]
    private static partial Regex NextPageLabel();
}
