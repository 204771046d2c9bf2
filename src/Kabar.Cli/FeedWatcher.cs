using System.Globalization;
using System.Net;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Web.Feeds;
using Kabar.Web.Fetching;
using Kabar.Web.Html;

namespace Kabar.Cli;

/// <summary>
/// One pass over a feed: a conditional GET; the items not taken before, oldest first, each page fetched politely,
/// extracted and ingested, and the item recorded as taken. An item whose page failed for a reason that may pass
/// (a timeout, a 5xx) is not recorded, so the next pass tries it again; one that failed for good (a 404, robots.txt)
/// is recorded with the reason. The feed's validators are saved last, so an interrupted pass is redone and, items
/// being recorded one by one, fetches nothing twice.
/// </summary>
internal sealed class FeedWatcher(SqliteArticleStore store, Ingester ingester, PoliteFetcher fetcher, TextWriter output, TextWriter error)
{
    /// <summary>Whether the feed could be read.</summary>
    public async Task<bool> PollAsync(string feed, CancellationToken cancel)
    {
        (string? etag, string? lastModified) = store.FeedValidators(feed);
        FetchResult fetched = await fetcher.GetAsync(new Uri(feed), etag, lastModified, cancel);
        if (fetched.Response is not { } response)
        {
            error.WriteLine($"kabar: feed {fetched.Problem}");
            return false;
        }

        if (response.Status == HttpStatusCode.NotModified)
        {
            output.WriteLine($"{feed}: not modified");
            return true;
        }

        Result<IReadOnlyList<FeedItem>> parsed = FeedParser.Parse(response.Body);
        if (!parsed.IsSuccess)
        {
            error.WriteLine($"kabar: feed {feed}: {parsed.Rejection.Message}");
            return false;
        }

        // Feeds list the newest first; taking the oldest first keeps "who published first" in arrival order.
        List<FeedItem> fresh = [.. parsed.Value.Where(i => !store.FeedItemSeen(feed, i.Id)).Reverse()];
        int stored = 0, copies = 0, failed = 0;
        foreach (FeedItem item in fresh)
        {
            (long? article, string outcome, bool retry) = await TakeAsync(item, response.FinalUrl, cancel);
            if (!retry)
            {
                store.MarkFeedItem(feed, item.Id, article, outcome);
            }

            if (outcome == "stored")
            {
                stored++;
            }
            else if (outcome is "exact duplicate" or "near duplicate" or "already stored")
            {
                copies++;
            }
            else
            {
                failed++;
            }
        }

        store.SaveFeedValidators(feed, response.ETag, response.LastModified);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{feed}: {parsed.Value.Count} items, {fresh.Count} new: {stored} stored, {copies} copies or already stored, {failed} failed"));
        return true;
    }

    private async Task<(long? Article, string Outcome, bool Retry)> TakeAsync(FeedItem item, Uri feedUrl, CancellationToken cancel)
    {
        if (item.Link is null || !Uri.TryCreate(feedUrl, item.Link, out Uri? link))
        {
            return (null, "no link", false);
        }

        FetchResult page = await fetcher.GetAsync(link, cancel: cancel);
        if (page.Response is not { } response)
        {
            error.WriteLine($"kabar: {page.Problem}{(page.Transient ? "; will try again" : "")}");
            return (null, "failed: " + page.Problem, page.Transient);
        }

        var source = new ArticleSource(response.FinalUrl.AbsoluteUri, ExternalId: item.Id, Url: response.FinalUrl.AbsoluteUri, Title: item.Title,
            Published: item.Published, Format: ArticleFormat.Html, Charset: HtmlDecoding.CharsetOf(response.ContentType));
        IngestResult result = ingester.Ingest(source, response.Body);
        if (result.Rejection is { } rejection)
        {
            error.WriteLine($"kabar: {link}: {rejection.Message}");
        }

        string outcome = result.Outcome switch
        {
            IngestOutcome.Added => "stored",
            IngestOutcome.ExactDuplicate => "exact duplicate",
            IngestOutcome.NearDuplicate => "near duplicate",
            IngestOutcome.AlreadyStored => "already stored",
            _ => $"rejected: {result.Rejection?.Message}",
        };
        return (result.Id, outcome, false);
    }
}
