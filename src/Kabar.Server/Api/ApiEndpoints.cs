using System.Text;
using Kabar.Comparison;
using Kabar.Ingest;
using Kabar.Pipeline;
using Kabar.Reports;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kabar.Server.Api;

/// <summary>The JSON API under <c>/api</c>: read the store, compare, search, and ingest.</summary>
internal static class ApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ServerOptions options)
    {
        RouteGroupBuilder api = app.MapGroup("/api");

        api.MapGet("/stats", async (StorePool pool, CancellationToken cancel) =>
        {
            using StorePool.Lease lease = await pool.RentAsync(cancel);
            return TypedResults.Ok(lease.Store.GetStats());
        }).WithSummary("Counts of stored articles, exact and near duplicates, and rejected inputs.");

        api.MapGet("/stories", async Task<Results<Ok<Page<StorySummary>>, ProblemHttpResult>> (
            StorePool pool, string? since, string? until, string? outlet, int? min_size, int? limit, int? offset, CancellationToken cancel) =>
        {
            ProblemHttpResult? badSince = Paging.Day(since, "since", out DateOnly? from), badUntil = Paging.Day(until, "until", out DateOnly? to);
            if ((Paging.Check(limit, offset) ?? badSince ?? badUntil) is { } problem)
            {
                return problem;
            }

            if (min_size < 1)
            {
                return Problems.BadRequest("bad_min_size", $"min_size must be at least 1, not {min_size}");
            }

            int take = limit ?? Paging.DefaultLimit, skip = offset ?? 0;
            using StorePool.Lease lease = await pool.RentAsync(cancel);
            return TypedResults.Ok(new Page<StorySummary>(lease.Store.Stories(from, to, NullIfEmpty(outlet), min_size ?? 1, take, skip), skip, take));
        }).WithSummary("Stories, newest first, optionally within days, carried by an outlet, or of a least size.");

        api.MapGet("/stories/{id:long}", async Task<Results<Ok<StoryView>, ProblemHttpResult>> (StorePool pool, ArticleReader reader, ReportCache cache, long id, CancellationToken cancel) =>
        {
            using StorePool.Lease lease = await pool.RentAsync(cancel);
            return cache.Story(new StoredArticles(lease.Store, reader), id) is { } report
                ? TypedResults.Ok(StoryView.From(report))
                : Problems.NotFound($"story #{id}");
        }).WithSummary("A story's members with outlet, day, role (first published, exact copy, near copy, rewrite, …) and why each joined.");

        api.MapGet("/articles", async Task<Results<Ok<ArticlePage>, ProblemHttpResult>> (StorePool pool, long? after, int? limit, CancellationToken cancel) =>
        {
            if (Paging.Check(limit, 0) is { } problem)
            {
                return problem;
            }

            using StorePool.Lease lease = await pool.RentAsync(cancel);
            List<ArticleSummary> items = [.. lease.Store.Export(after ?? 0, limit ?? Paging.DefaultLimit).Select(ArticleSummary.From)];
            return TypedResults.Ok(new ArticlePage(items, items.Count == (limit ?? Paging.DefaultLimit) ? items[^1].Id : null));
        }).WithSummary("Stored articles in id order without their text; pass next_after as after for the next page.");

        api.MapGet("/articles/{id:long}", async Task<Results<Ok<ExportedArticle>, ProblemHttpResult>> (StorePool pool, long id, CancellationToken cancel) =>
        {
            using StorePool.Lease lease = await pool.RentAsync(cancel);
            return lease.Store.Details(id) is { } article ? TypedResults.Ok(article) : Problems.NotFound($"article #{id}");
        }).WithSummary("One stored article: metadata, cleaned text, duplicate links, story and why it joined.");

        api.MapGet("/articles/{id:long}/raw", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (StorePool pool, long id, CancellationToken cancel) =>
        {
            using StorePool.Lease lease = await pool.RentAsync(cancel);
            // Served as a download, never as a page of this site: a stored web page is somebody else's HTML.
            return lease.Store.Article(id) is { } article
                ? TypedResults.File(article.Raw, "application/octet-stream", $"article-{id}.{(article.Source.Format == ArticleFormat.Html ? "html" : "txt")}")
                : Problems.NotFound($"article #{id}");
        }).WithSummary("The bytes of an article exactly as they were read.");

        api.MapGet("/duplicates", async Task<Results<Ok<List<DuplicateCluster>>, ProblemHttpResult>> (StorePool pool, int? limit, CancellationToken cancel) =>
        {
            if (Paging.Check(limit, 0) is { } problem)
            {
                return problem;
            }

            using StorePool.Lease lease = await pool.RentAsync(cancel);
            return TypedResults.Ok(lease.Store.DuplicateClusters(limit ?? Paging.DefaultLimit)
                .GroupBy(m => m.Cluster).Select(g => new DuplicateCluster(g.Key, [.. g])).ToList());
        }).WithSummary("The largest duplicate clusters: the original (earliest) and its exact, near and partial copies.");

        api.MapGet("/compare", async Task<Results<Ok<CompareReport>, ProblemHttpResult>> (StorePool pool, ArticleReader reader, ReportCache cache, long? a, long? b, CancellationToken cancel) =>
        {
            if (a is null || b is null)
            {
                return Problems.BadRequest("missing_article", "give two stored articles: ?a=ID&b=ID");
            }

            if (a == b)
            {
                return Problems.BadRequest("same_article", $"article #{a} given twice; compare two different articles");
            }

            using StorePool.Lease lease = await pool.RentAsync(cancel);
            var articles = new StoredArticles(lease.Store, reader);
            return articles.Load(a.Value) is null ? Problems.NotFound($"article #{a}")
                : articles.Load(b.Value) is null ? Problems.NotFound($"article #{b}")
                : TypedResults.Ok(cache.Compare(articles, a.Value, b.Value)!);
        }).WithSummary("Compare two stored articles: aligned sentences (copied or paraphrased), unique sentences, spelling variants, discrepancies.");

        api.MapPost("/compare", Results<Ok<CompareReport>, ProblemHttpResult> (CompareRequest? request) =>
        {
            if (request?.A is null || request.B is null)
            {
                return Problems.BadRequest("missing_text", "post {\"a\": \"text\", \"b\": \"text\"}");
            }

            Result<Article> a = NewsPipeline.Default.Process(request.AName ?? "a", request.A);
            Result<Article> b = NewsPipeline.Default.Process(request.BName ?? "b", request.B);
            foreach (Result<Article> side in new[] { a, b }.Where(r => !r.IsSuccess))
            {
                return Problems.Of(StatusCodes.Status422UnprocessableEntity, Json.SnakeCase(side.Rejection!.Reason.ToString()), side.Rejection.Message);
            }

            return TypedResults.Ok(CompareReport.From(ArticleComparer.Default.Compare(a.Value!, b.Value!)));
        }).WithSummary("Compare two posted texts.");

        api.MapGet("/search", async Task<Results<Ok<SearchView>, ProblemHttpResult>> (StorePool pool, string? q, int? limit, int? offset, CancellationToken cancel) =>
        {
            if ((Paging.Check(limit, offset) ?? Paging.SearchOffset(offset)) is { } problem)
            {
                return problem;
            }

            if (SearchQuery.Parse(q ?? "") is not { } query)
            {
                return Problems.BadRequest("empty_query", "q must hold at least one word");
            }

            if (Paging.SearchWords(query) is { } tooLong)
            {
                return tooLong;
            }

            using StorePool.Lease lease = await pool.RentAsync(cancel);
            return TypedResults.Ok(SearchView.From(q!, lease.Store.Search(query, limit ?? Paging.DefaultLimit, offset ?? 0)));
        }).WithSummary("Full-text search (Indonesian word families: 'melaporkan' also finds 'laporan'), ranked, with snippets, grouped by story.");

        api.MapPost("/ingest", async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> (HttpRequest request, IngestGate gate, CancellationToken cancel) =>
        {
            if (Authorize(request, options) is { } refused)
            {
                return refused;
            }

            (IEnumerable<InputItem>? items, ProblemHttpResult? problem) = await ReadInputs(request, cancel);
            if (problem is not null)
            {
                return problem;
            }

            IReadOnlyList<IngestItemResult> results = await gate.IngestAsync(items!, cancel);
            return TypedResults.Ok(new IngestResponse(
                results.GroupBy(r => r.Outcome).ToDictionary(g => g.Key, g => g.Count()), results));
        }).WithSummary("Store articles: text/plain (one article; ?title=&outlet=&url=&published=&id=), text/html (a web page), or application/x-ndjson (JSON Lines with text or html). Needs the server's token when one is set.");
    }

    // Writing needs the token whenever one is set, and one must be set to write on anything but loopback.
    private static ProblemHttpResult? Authorize(HttpRequest request, ServerOptions options)
    {
        if (options.Token is null)
        {
            return options.LoopbackOnly ? null
                : Problems.Of(StatusCodes.Status403Forbidden, "token_required", "ingest is off: this server listens beyond loopback and was started without --token");
        }

        string given = request.Headers.Authorization.ToString();
        byte[] expected = Encoding.UTF8.GetBytes("Bearer " + options.Token);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), expected) ? null
            : Problems.Of(StatusCodes.Status401Unauthorized, "unauthorized", "ingest needs the header 'Authorization: Bearer TOKEN' with the server's token");
    }

    private static async Task<(IEnumerable<InputItem>?, ProblemHttpResult?)> ReadInputs(HttpRequest request, CancellationToken cancel)
    {
        string type = (request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancel); // bounded by the server's request size limit
        if (body.Length == 0)
        {
            return (null, Problems.BadRequest("empty_body", "the request has no body"));
        }

        byte[] raw = body.ToArray();
        string? Query(string name) => NullIfEmpty(request.Query[name].ToString());
        ArticleSource Source(ArticleFormat format) => new("api", Query("id"), Query("url"), Query("title"), Query("outlet"), Query("published"), Format: format);
        return type switch
        {
            "text/plain" => ([InputItem.Article(Source(ArticleFormat.Text), raw)], null),
            "text/html" => ([InputItem.Article(Source(ArticleFormat.Html), raw)], null),
            "application/x-ndjson" or "application/jsonl" or "application/json-lines" => (InputReader.ReadJsonl("api", () => new MemoryStream(raw)), null),
            _ => (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupported_type",
                $"Content-Type '{type}' is not text/plain, text/html or application/x-ndjson")),
        };
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
