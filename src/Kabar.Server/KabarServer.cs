using System.Text.Json;
using Kabar.Pipeline;
using Kabar.Server.Api;
using Kabar.Server.Pages;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Web.Html;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kabar.Server;

/// <summary>
/// <c>kabar serve</c>: the JSON API (<c>/api</c>, OpenAPI at <c>/api/openapi.json</c>) and the server-rendered pages
/// over one SQLite store. Reads run in parallel on pooled connections; ingest takes turns on one writer.
/// </summary>
public static class KabarServer
{
    /// <summary>The largest request body: a JSON Lines batch of ingest.</summary>
    public const long MaxRequestBytes = 32L * 1024 * 1024;

    /// <summary>The largest body of a compare request: two articles at the document limit, and their JSON.</summary>
    public const long MaxCompareBytes = 2L * Limits.MaxDocumentBytes + 64 * 1024;

    /// <summary>Builds the server; <c>RunAsync</c> serves until stopped. The store is created if missing and opened
    /// (and migrated) here, so a database that cannot be used fails before anything listens.</summary>
    /// <exception cref="StoreException">The database cannot be opened.</exception>
    public static WebApplication Build(ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Kabar.Server" });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxRequestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true); // bad parameters reach the error boundary
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Kabar API";
            document.Info.Description = "Which news articles tell the same story, who copied whom, and what differs.";
            return Task.CompletedTask;
        }));

        SqliteArticleStore.Open(options.Database).Dispose(); // create and migrate once, before any request
        builder.Services.AddSingleton(options);
        // Built by the container, so it disposes them when the server stops: the ingest writer saves its statistics.
        builder.Services.AddSingleton(_ => new StorePool(options.Database));
        builder.Services.AddSingleton(_ => new IngestGate(options.Database));
        builder.Services.AddSingleton(_ => new ReportCache());
        builder.Services.AddSingleton(new ArticleReader(NewsPipeline.Default, HtmlPages.Default));

        WebApplication app = builder.Build();
        app.Use(ErrorBoundary);
        app.Use(SecurityHeaders);
        app.MapOpenApi("/api/openapi.json");
        ApiEndpoints.Map(app, options);
        PageEndpoints.Map(app);
        app.MapFallback((HttpContext context) => context.Request.Path.StartsWithSegments("/api")
            ? (IResult)Problems.NotFound($"endpoint {context.Request.Method} {context.Request.Path}; see /api/openapi.json")
            : PageEndpoints.NotFound($"There is no page at {context.Request.Path}."));
        return app;
    }

    // A request the server cannot read is the client's error, said in one line; anything else is ours: logged, and
    // answered with a 500 that shows no internals.
    private static async Task ErrorBoundary(HttpContext context, RequestDelegate next)
    {
        try
        {
            if (context.Request.Path.StartsWithSegments("/api/compare") && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = MaxCompareBytes;
            }

            await next(context);

            // Some refusals (a body over the limit while binding JSON, say) end with a status and no body: say why.
            if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentType: null } response && context.Request.Path.StartsWithSegments("/api"))
            {
                bool tooLarge = response.StatusCode == StatusCodes.Status413PayloadTooLarge;
                await Problems.Of(response.StatusCode, tooLarge ? "body_too_large" : "bad_request",
                    tooLarge ? "the request body is over this endpoint's size limit" : "the request could not be read").ExecuteAsync(context);
            }
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            string code = e.StatusCode switch
            {
                StatusCodes.Status413PayloadTooLarge => "body_too_large",
                StatusCodes.Status415UnsupportedMediaType => "unsupported_type",
                _ => "bad_request",
            };
            context.Response.Clear();
            await Problems.Of(e.StatusCode, code, e.Message).ExecuteAsync(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Kabar.Server")
                .LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
            context.Response.Clear();
            await Problems.Of(StatusCodes.Status500InternalServerError, "internal_error", "the server failed on this request; its log says why").ExecuteAsync(context);
        }
    }

    // Article text is untrusted: pages run only the site's own script and style, and nothing may frame them.
    private static Task SecurityHeaders(HttpContext context, RequestDelegate next)
    {
        IHeaderDictionary headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        return next(context);
    }
}
