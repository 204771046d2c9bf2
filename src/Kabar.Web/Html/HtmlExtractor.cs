using AngleSharp.Html.Parser;

namespace Kabar.Web.Html;

/// <summary>An article found in a web page: its text, a block a line, and what the page says about it.</summary>
public sealed record ExtractedPage(string Text, PageMetadata Metadata, string Encoding);

/// <summary>Extracts the article and its metadata from a web page's bytes. Thread-safe.</summary>
public static class HtmlExtractor
{
    /// <summary>The article of the page, or why there is none (the message does not name the page; callers do).</summary>
    /// <param name="raw">The page's bytes, already decompressed.</param>
    /// <param name="url">The page's address when known (for the site name and, as a last resort, the date).</param>
    /// <param name="charset">The charset the HTTP response declared, if any.</param>
    public static Result<ExtractedPage> Extract(byte[] raw, string? url = null, string? charset = null)
    {
        ArgumentNullException.ThrowIfNull(raw);
        if (raw.Length > Limits.MaxPageBytes)
        {
            return Result<ExtractedPage>.Failure(RejectionReason.TooLarge, $"page of {raw.Length:N0} bytes is over the {Limits.MaxPageBytes:N0}-byte limit");
        }

        // UTF-16 pages carry NUL bytes legitimately; any other page with one is not text (an image, a PDF, garbage).
        int nul = Array.IndexOf(raw, (byte)0);
        if (nul >= 0 && !(raw.Length >= 2 && (raw[0], raw[1]) is (0xFF, 0xFE) or (0xFE, 0xFF)))
        {
            return Result<ExtractedPage>.Failure(RejectionReason.Binary, ErrorMessages.NulByte(nul));
        }

        (string html, string encoding) = HtmlDecoding.Decode(raw, charset);
        var parser = new HtmlParser();
        using AngleSharp.Html.Dom.IHtmlDocument document = parser.ParseDocument(html);
        PageMetadata metadata = PageMetadataReader.Read(document, url);
        string text = MainContent.Extract(document);

        // The dateline or stamp in the article's lead ("JAKARTA, Rabu (19/6/2024) 14:05 WIB") outranks a date in the URL.
        if (metadata.PublishedFrom is null or "url" && LeadDate(text) is { } lead)
        {
            metadata = metadata with { Published = lead, PublishedFrom = "text" };
        }
        return text.Length == 0
            ? Result<ExtractedPage>.Failure(RejectionReason.NoContent, "no article text found in the page")
            : Result<ExtractedPage>.Success(new ExtractedPage(text, metadata, encoding));
    }

    private static string? LeadDate(string text)
    {
        string lead = string.Join('\n', text.Split('\n').Take(2));
        return Kabar.Metadata.DateExtractor.Extract(lead).FirstOrDefault(d => d.Day is not null && !d.YearInferred)?.Iso;
    }
}
