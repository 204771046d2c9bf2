namespace Kabar.Storage;

/// <summary>What is known about an article besides its bytes: where it came from and what its container said.</summary>
/// <param name="Origin">Where it was read: a path, "path:line" for JSONL, or "-:line" for standard input.</param>
/// <param name="ExternalId">The id the source gave it (a JSONL "id"), if any; with the bytes it makes ingest idempotent.</param>
/// <param name="Url">Its URL, if known.</param>
/// <param name="Title">Its title as the container gave it; overrides the title read from the text.</param>
/// <param name="Outlet">Its outlet as the container gave it; overrides the dateline.</param>
/// <param name="Published">Its publication date as given (ISO 8601 preferred); overrides the estimate.</param>
/// <param name="ExtraJson">Fields of the container Kabar does not use, kept as a JSON object.</param>
/// <param name="Format">What the raw bytes are: article text, or a web page to extract the article from.</param>
/// <param name="Charset">The charset a web server declared for a page, if any.</param>
public sealed record ArticleSource(
    string Origin,
    string? ExternalId = null,
    string? Url = null,
    string? Title = null,
    string? Outlet = null,
    string? Published = null,
    string? ExtraJson = null,
    ArticleFormat Format = ArticleFormat.Text,
    string? Charset = null);

/// <summary>What an input's raw bytes are.</summary>
public enum ArticleFormat
{
    /// <summary>The article's text (plain text, any supported encoding).</summary>
    Text,

    /// <summary>A web page; the article is extracted by an <see cref="IPageExtractor"/>.</summary>
    Html,
}

/// <summary>The article text of a web page, and the page's source completed with what the page says about itself.</summary>
/// <param name="Text">The article, a block a line.</param>
/// <param name="Source">The source, its missing title, outlet, date and URL filled from the page.</param>
/// <param name="Encoding">The page's character encoding.</param>
public sealed record PageArticle(string Text, ArticleSource Source, string Encoding);

/// <summary>Finds the article in a web page (implemented outside Core, where HTML parsers live). Thread-safe.</summary>
public interface IPageExtractor
{
    /// <summary>The article of the page, or why there is none.</summary>
    Result<PageArticle> Extract(ArticleSource source, byte[] raw);
}
