using System.Text.Json.Nodes;
using Kabar.Storage;

namespace Kabar.Web.Html;

/// <summary>
/// The <see cref="IPageExtractor"/> of ingest: <see cref="HtmlExtractor"/>, with what the input said about the page
/// (a JSONL title, a sidecar's outlet) winning over what the page says about itself, and the page's authors, update
/// date, declared language and where the date came from kept among the extra fields.
/// </summary>
public sealed class HtmlPages : IPageExtractor
{
    public static HtmlPages Default { get; } = new();

    public Result<PageArticle> Extract(ArticleSource source, byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(source);
        Result<ExtractedPage> extracted = HtmlExtractor.Extract(raw, source.Url, source.Charset);
        if (!extracted.IsSuccess)
        {
            return Result<PageArticle>.Failure(extracted.Rejection);
        }

        PageMetadata page = extracted.Value.Metadata;
        JsonObject extra = source.ExtraJson is { } json && JsonNode.Parse(json) is JsonObject given ? given : [];
        void Keep(string name, JsonNode? value)
        {
            if (value is not null && !extra.ContainsKey(name))
            {
                extra[name] = value;
            }
        }

        Keep("authors", page.Authors.Count == 0 ? null : new JsonArray([.. page.Authors.Select(a => JsonValue.Create(a))]));
        Keep("modified", page.Modified);
        Keep("published_from", source.Published is null ? page.PublishedFrom : null);
        Keep("page_language", page.Language);
        Keep("canonical_url", page.CanonicalUrl);
        Keep("next_page", page.NextPage);

        ArticleSource completed = source with
        {
            Url = source.Url ?? page.CanonicalUrl,
            Title = source.Title ?? page.Title,
            Outlet = source.Outlet ?? page.Site,
            Published = source.Published ?? page.Published,
            ExtraJson = extra.Count == 0 ? null : extra.ToJsonString(),
        };
        return Result<PageArticle>.Success(new PageArticle(extracted.Value.Text, completed, extracted.Value.Encoding));
    }
}
