using Kabar.Pipeline;

namespace Kabar.Storage;

/// <summary>
/// Reads an input's raw bytes into an article the way ingest does: a web page through the page extractor (whose
/// metadata fills what the input did not give), anything else straight through the pipeline. Everything that shows a
/// stored article again (story roles, compare, the web pages) reads it here, so it sees what ingest saw.
/// </summary>
/// <param name="pipeline">Decodes, cleans and annotates text.</param>
/// <param name="pages">Extracts articles from web pages; without it a page is rejected.</param>
public sealed class ArticleReader(NewsPipeline pipeline, IPageExtractor? pages = null)
{
    /// <summary>The article of <paramref name="raw"/>, with the source as completed from a page's metadata.</summary>
    /// <param name="source">Where the input came from and what is known of it.</param>
    /// <param name="raw">The input as read.</param>
    public (Result<Article> Article, ArticleSource Source) Read(ArticleSource source, byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(raw);
        if (source.Format != ArticleFormat.Html)
        {
            return (pipeline.Process(source.Origin, raw), source);
        }

        // The page is kept as it came; the article extracted from it is what the pipeline reads.
        Result<PageArticle> page = pages?.Extract(source, raw)
            ?? Result<PageArticle>.Failure(RejectionReason.Undecodable, $"{source.Origin}: a web page, and no page extractor was given");
        return page.IsSuccess
            ? (pipeline.Process(source.Origin, page.Value.Text, page.Value.Encoding), page.Value.Source)
            : (Result<Article>.Failure(page.Rejection), source);
    }
}
