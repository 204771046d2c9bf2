using System.Globalization;
using System.Text;
using Kabar.Cleaning;
using Kabar.Pipeline;
using Kabar.Reports;
using Kabar.Server.Api;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using static Kabar.Server.Pages.Html;

namespace Kabar.Server.Pages;

/// <summary>The server-rendered pages: stories, a story, an article, a comparison, search results.</summary>
internal static class PageEndpoints
{
    private const int StoriesPerPage = 30;
    private const int HitsPerPage = 30;

    // A raw input is shown up to this many characters; the whole is a download away.
    private const int RawShown = 200_000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name, HttpResponse response) => Assets.Get(name, response)).ExcludeFromDescription();
        app.MapGet("/", Stories).ExcludeFromDescription();
        app.MapGet("/stories/{id:long}", Story).ExcludeFromDescription();
        app.MapGet("/articles/{id:long}", Article).ExcludeFromDescription();
        app.MapGet("/compare", Compare).ExcludeFromDescription();
        app.MapGet("/search", Search).ExcludeFromDescription();
    }

    public static IResult NotFound(string message) => Page("Not found", $"<h1>Not found</h1><p>{E(message)}</p><p><a href=\"/\">All stories</a></p>", StatusCodes.Status404NotFound);

    private static IResult BadRequest(ProblemHttpResult problem) =>
        Page("Bad request", $"<h1>Bad request</h1><p>{E(problem.ProblemDetails.Detail)}</p>", StatusCodes.Status400BadRequest);

    private static async Task<IResult> Stories(StorePool pool, ReportCache cache, string? since, string? until, string? outlet, int? offset, CancellationToken cancel)
    {
        ProblemHttpResult? badSince = Paging.Day(since, "since", out DateOnly? from), badUntil = Paging.Day(until, "until", out DateOnly? to);
        if ((badSince ?? badUntil ?? Paging.Check(StoriesPerPage, offset)) is { } problem)
        {
            return BadRequest(problem);
        }

        int skip = offset ?? 0;
        using StorePool.Lease lease = await pool.RentAsync(cancel);
        (IReadOnlyList<StorySummary> stories, StoreStats stats) = cache.StoriesPage(lease.Store, from, to, string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim(), StoriesPerPage, skip);
        var html = new StringBuilder();
        html.Append("<h1>Stories</h1><p class=\"muted\">").Append(Plural(stats.Articles, "article")).Append(" stored · ")
            .Append(Plural(stats.ExactDuplicates, "exact copy", "exact copies")).Append(" · ")
            .Append(Plural(stats.NearDuplicates, "near copy", "near copies")).Append(" · newest first</p>");
        html.Append("<form class=\"filters\" method=\"get\" action=\"/\">")
            .Append("<label>from<input type=\"date\" name=\"since\" value=\"").Append(E(since)).Append("\"></label>")
            .Append("<label>until<input type=\"date\" name=\"until\" value=\"").Append(E(until)).Append("\"></label>")
            .Append("<label>outlet<input name=\"outlet\" value=\"").Append(E(outlet)).Append("\" placeholder=\"any\"></label>")
            .Append("<button type=\"submit\">Filter</button></form>");
        if (stories.Count == 0)
        {
            html.Append("<p>No stories").Append(skip > 0 || from is not null || to is not null || outlet is not null ? " match." : " yet: ingest some articles.").Append("</p>");
        }
        else
        {
            html.Append("<table id=\"stories\"><tr><th>story</th><th>articles</th><th>outlets</th><th>days</th></tr>");
            foreach (StorySummary s in stories)
            {
                html.Append("<tr><td><a href=\"/stories/").Append(s.Id).Append("\">").Append(E(s.Title ?? "(untitled)")).Append("</a></td>")
                    .Append("<td class=\"num\">").Append(s.Size).Append("</td><td>")
                    .Append(E(string.Join(", ", s.Outlets.Take(5)))).Append(s.Outlets.Count > 5 ? $" and {s.Outlets.Count - 5} more" : "")
                    .Append("</td><td class=\"num\">").Append(E(s.DaysText())).Append("</td></tr>");
            }

            html.Append("</table>");
        }

        string Link(int at) => $"/?since={Q(since)}&until={Q(until)}&outlet={Q(outlet)}&offset={at}";
        html.Append("<div class=\"pager\">");
        if (skip > 0)
        {
            html.Append("<a href=\"").Append(E(Link(Math.Max(0, skip - StoriesPerPage)))).Append("\">← newer</a>");
        }

        if (stories.Count == StoriesPerPage)
        {
            html.Append("<a href=\"").Append(E(Link(skip + StoriesPerPage))).Append("\">older →</a>");
        }

        html.Append("</div>");
        return Page("Stories", html.ToString());
    }

    private static async Task<IResult> Story(StorePool pool, ArticleReader reader, ReportCache cache, long id, CancellationToken cancel)
    {
        using StorePool.Lease lease = await pool.RentAsync(cancel);
        var articles = new StoredArticles(lease.Store, reader);
        if (cache.Story(articles, id) is not { } report)
        {
            return NotFound($"There is no story #{id}.");
        }

        StorySummary s = report.Story;
        StoryContent? content = cache.Content(articles, report);
        StoryReportMember? first = report.Members.FirstOrDefault(m => m.Article.Id == content?.First);
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(s.Title ?? "(untitled)")).Append("</h1><p class=\"muted\">Story #").Append(s.Id).Append(" · ")
            .Append(Plural(s.Size, "article")).Append(" from ").Append(Plural(s.Outlets.Count, "outlet")).Append(" · ").Append(E(s.DaysText())).Append("</p>");
        if (first is not null)
        {
            html.Append("<p id=\"first\">First published: <a href=\"/articles/").Append(first.Article.Id).Append("\">#").Append(first.Article.Id).Append(' ')
                .Append(E(first.Article.Outlet ?? first.Article.Origin)).Append("</a>, ").Append(E(Day(first.Article.Published))).Append("</p>");
        }

        html.Append("<h2>Timeline</h2><ol class=\"timeline\" id=\"timeline\">");
        foreach (StoryReportMember m in report.Members.OrderBy(m => m.Article.Published is null).ThenBy(m => m.Article.Published, StringComparer.Ordinal).ThenBy(m => m.Article.Id))
        {
            StoryMember a = m.Article;
            string role = Json.SnakeCase(m.Role.Role.ToString());
            html.Append("<li data-article=\"").Append(a.Id).Append("\"><span class=\"when\">").Append(E(When(a.Published))).Append("</span>")
                .Append("<span class=\"badge ").Append(role).Append("\">").Append(E(role.Replace('_', ' '))).Append("</span> ")
                .Append("<strong>").Append(E(a.Outlet ?? "unknown outlet")).Append("</strong> · <a href=\"/articles/").Append(a.Id).Append("\">")
                .Append(E(a.Title ?? a.Origin)).Append("</a><div class=\"muted\">").Append(E(m.Role.Detail));
            if (first is not null && a.Id != first.Article.Id)
            {
                html.Append(" · <a href=\"/compare?a=").Append(first.Article.Id).Append("&amp;b=").Append(a.Id).Append("\">compare with the first report</a>");
            }

            if (a.Score is not null)
            {
                html.Append("<details><summary>why it joined</summary>").Append(E(a.Reason)).Append("</details>");
            }

            html.Append("</div></li>");
        }

        html.Append("</ol><h2>Coverage by outlet</h2><table id=\"coverage\"><tr><th>outlet</th><th>articles</th><th>first</th><th>roles</th></tr>");
        foreach (IGrouping<string, StoryReportMember> outlet in report.Members.GroupBy(m => m.Article.Outlet ?? "unknown outlet")
                     .OrderBy(g => g.Min(m => m.Article.Published ?? "~"), StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(E(outlet.Key)).Append("</td><td class=\"num\">").Append(outlet.Count()).Append("</td><td>")
                .Append(E(Day(outlet.Select(m => m.Article.Published).Where(p => p is not null).Min(StringComparer.Ordinal)))).Append("</td><td>")
                .Append(E(string.Join(", ", outlet.GroupBy(m => m.Role.Role).Select(r => $"{Json.SnakeCase(r.Key.ToString()).Replace('_', ' ')} ×{r.Count()}"))))
                .Append("</td></tr>");
        }

        html.Append("</table>");
        if (content is not null)
        {
            AppendContent(html, report, content);
        }

        return Page(s.Title ?? $"Story #{s.Id}", html.ToString());
    }

    private static void AppendContent(StringBuilder html, StoryReport report, StoryContent content)
    {
        int compared = content.Members.Count;
        html.Append("<h2>What the reports share</h2><p class=\"muted\">Each sentence of the first report, with how many of the ")
            .Append(compared).Append(" other reports compared carry it, copied or paraphrased")
            .Append(content.Others > content.Compared ? $" (the first {content.Compared} of {content.Others})" : "").Append(".</p><table id=\"shared\">");
        foreach (CarriedSentence sentence in content.Sentences)
        {
            html.Append("<tr class=\"carried-").Append(sentence.Carriers == 0 ? "0" : "n").Append("\"><td>").Append(E(sentence.Text))
                .Append("</td><td class=\"num\"><meter min=\"0\" max=\"").Append(Math.Max(1, compared)).Append("\" value=\"").Append(sentence.Carriers).Append("\"></meter> ")
                .Append(sentence.Carriers).Append(" of ").Append(compared).Append("</td></tr>");
        }

        html.Append("</table><h2>What each report adds</h2><div id=\"added\">");
        foreach (MemberContent member in content.Members)
        {
            StoryMember a = report.Members.First(m => m.Article.Id == member.Id).Article;
            html.Append("<div class=\"card\"><strong>").Append(E(a.Outlet ?? "unknown outlet")).Append("</strong> <a href=\"/articles/").Append(a.Id).Append("\">#")
                .Append(a.Id).Append("</a> · ").Append(Math.Round(member.SharedShare * 100).ToString(CultureInfo.InvariantCulture)).Append("% of its text is in the first report");
            if (member.Added.Count == 0)
            {
                html.Append("<p class=\"muted\">Nothing the first report does not have.</p>");
            }
            else
            {
                html.Append("<ul>");
                foreach (string sentence in member.Added)
                {
                    html.Append("<li>").Append(E(sentence)).Append("</li>");
                }

                html.Append("</ul>");
            }

            html.Append("</div>");
        }

        html.Append("</div>");
    }

    private static async Task<IResult> Article(StorePool pool, ArticleReader reader, long id, CancellationToken cancel)
    {
        using StorePool.Lease lease = await pool.RentAsync(cancel);
        if (lease.Store.Details(id) is not { } a || lease.Store.Article(id) is not { } stored)
        {
            return NotFound($"There is no article #{id}.");
        }

        Article? read = new StoredArticles(lease.Store, reader).Load(id);
        var html = new StringBuilder();
        html.Append("<h1>").Append(E(a.Title ?? a.Origin)).Append("</h1><dl class=\"meta\" id=\"metadata\">");
        void Row(string name, string valueHtml) => html.Append("<dt>").Append(name).Append("</dt><dd>").Append(valueHtml).Append("</dd>");
        Row("article", $"#{a.Id}");
        Row("outlet", E(a.Outlet ?? "unknown"));
        Row("published", E(a.Published ?? "unknown"));
        Row("url", a.Url is null ? "none" : ExternalLink(a.Url));
        Row("read from", E(a.Origin));
        Row("language", E(a.Language));
        if (a.Story is { } story)
        {
            Row("story", $"<a href=\"/stories/{story}\">#{story}</a>" + (a.StoryReason is { } why ? $" <span class=\"muted\">{E(why)}</span>" : ""));
        }

        if (a.DuplicateOf is { } original)
        {
            Row("exact copy of", $"<a href=\"/articles/{original}\">#{original}</a> · <a href=\"/compare?a={original}&amp;b={a.Id}\">compare</a>");
        }

        if (a.NearOf is { } near)
        {
            Row(a.NearKind == "contained" ? "partial copy of" : "near copy of",
                $"<a href=\"/articles/{near}\">#{near}</a> ({a.Similarity?.ToString("0.00", CultureInfo.InvariantCulture)}) · <a href=\"/compare?a={near}&amp;b={a.Id}\">compare</a>");
        }

        if (read is not null)
        {
            Row("credits", E(read.Metadata.CreditedSources.Count == 0 ? "none found" : string.Join(", ", read.Metadata.CreditedSources)));
        }

        html.Append("</dl><h2>Cleaned text</h2>");
        if (read is { Removals.Count: > 0 })
        {
            html.Append("<p class=\"muted\">").Append(Plural(read.Removals.Count, "passage")).Append(" removed as boilerplate · <label for=\"show-removed\" class=\"toggle\">show them</label></p>");
        }

        html.Append("<div class=\"cleaned\" id=\"cleaned\">");
        AppendCleaned(html, read, a.Text);
        html.Append("</div>");
        string raw = Encoding.UTF8.GetString(stored.Raw, 0, Math.Min(stored.Raw.Length, RawShown));
        html.Append("<h2>Raw input</h2><details id=\"raw\"><summary>").Append(Plural(stored.Raw.Length, "byte")).Append(" as read (")
            .Append(E(stored.Source.Format.ToString().ToLowerInvariant())).Append(") · <a href=\"/api/articles/").Append(id).Append("/raw\">download</a></summary><pre class=\"raw\">")
            .Append(E(raw)).Append(stored.Raw.Length > RawShown ? "\n…" : "").Append("</pre></details>");
        return Page(a.Title ?? $"Article #{id}", html.ToString());
    }

    // The article's text with what was removed as boilerplate hidden until asked for (the spans are into the text
    // as read again; an article that cannot be read again shows its stored text whole).
    private static void AppendCleaned(StringBuilder html, Article? read, string stored)
    {
        if (read is null)
        {
            html.Append(E(stored));
            return;
        }

        int at = 0;
        foreach (Removal r in read.Removals.OrderBy(r => r.Span.Start))
        {
            if (r.Span.Start < at || r.Span.End > read.Text.Length)
            {
                continue;
            }

            html.Append(E(read.Text[at..r.Span.Start])).Append("<span class=\"removed\" title=\"").Append(E(r.Reason.ToString())).Append("\">")
                .Append(E(read.Text[r.Span.Start..r.Span.End])).Append("</span>");
            at = r.Span.End;
        }

        html.Append(E(read.Text[at..]));
    }

    private static async Task<IResult> Compare(StorePool pool, ArticleReader reader, ReportCache cache, long? a, long? b, CancellationToken cancel)
    {
        if (a is null || b is null || a == b)
        {
            return Page("Compare", "<h1>Compare</h1><p>Compare two different stored articles: <code>/compare?a=ID&amp;b=ID</code>. A story's timeline links each report to the first.</p>",
                StatusCodes.Status400BadRequest);
        }

        using StorePool.Lease lease = await pool.RentAsync(cancel);
        var articles = new StoredArticles(lease.Store, reader);
        if (cache.Compare(articles, a.Value, b.Value) is not { } report)
        {
            return NotFound($"Article #{(articles.Load(a.Value) is null ? a : b)} does not exist or cannot be read.");
        }

        ExportedArticle left = lease.Store.Details(a.Value)!, right = lease.Store.Details(b.Value)!;
        var html = new StringBuilder();
        html.Append("<h1>Compare <a href=\"/articles/").Append(left.Id).Append("\">#").Append(left.Id).Append(' ').Append(E(left.Outlet ?? left.Origin))
            .Append("</a> and <a href=\"/articles/").Append(right.Id).Append("\">#").Append(right.Id).Append(' ').Append(E(right.Outlet ?? right.Origin)).Append("</a></h1>")
            .Append("<p id=\"verdict\">").Append(E(report.Summary.Verdict)).Append(" · ").Append(report.Summary.Aligned).Append(" aligned pairs (")
            .Append(report.Summary.Copied).Append(" copied, ").Append(report.Summary.Paraphrased).Append(" paraphrased)</p>");
        HtmlReport.AppendComparison(html, report);
        return Page($"Compare #{left.Id} and #{right.Id}", html.ToString(), compare: true);
    }

    private static async Task<IResult> Search(StorePool pool, string? q, int? offset, CancellationToken cancel)
    {
        if ((Paging.Check(HitsPerPage, offset) ?? Paging.SearchOffset(offset)) is { } problem)
        {
            return BadRequest(problem);
        }

        if (SearchQuery.Parse(q ?? "") is not { } query)
        {
            return Page("Search", "<h1>Search</h1><p>Type words to find in titles and texts. Indonesian word families are found too: <em>melaporkan</em> finds <em>laporan</em> and <em>pelapor</em>; \"quoted words\" are found as a phrase.</p>", search: q);
        }

        if (Paging.SearchWords(query) is { } tooLong)
        {
            return BadRequest(tooLong);
        }

        int skip = offset ?? 0;
        using StorePool.Lease lease = await pool.RentAsync(cancel);
        SearchResults results = lease.Store.Search(query, HitsPerPage, skip);
        var html = new StringBuilder();
        html.Append("<h1>Search: ").Append(E(q)).Append("</h1><p class=\"muted\" id=\"total\">").Append(results.Ranked ? Plural(results.Total, "article") : $"More than {N(SqliteArticleStore.MaxRanked)} articles").Append(" match");
        if (results.Total > 0)
        {
            html.Append("; showing ").Append(skip + 1).Append('–').Append(skip + results.Hits.Count).Append(", grouped by story")
                .Append(results.Ranked ? ", best first" : ", newest first (too many to rank: add words to narrow the search)");
        }

        html.Append("</p><div id=\"results\">");
        foreach (IGrouping<long, SearchHit> story in results.Hits.GroupBy(h => h.Story ?? -h.Id))
        {
            SearchHit top = story.First();
            html.Append("<div class=\"card story-hit\"><div>");
            html.Append(top.Story is { } storyId ? $"<a href=\"/stories/{storyId}\"><strong>{E(top.StoryTitle ?? "(untitled)")}</strong></a> <span class=\"muted\">story #{storyId}</span>" : "");
            html.Append("</div>");
            foreach (SearchHit hit in story)
            {
                html.Append("<div class=\"hit\"><a href=\"/articles/").Append(hit.Id).Append("\">").Append(Marked(hit.Title ?? $"#{hit.Id}")).Append("</a> <span class=\"muted\">")
                    .Append(E(hit.Outlet ?? "unknown outlet")).Append(" · ").Append(E(Day(hit.Published))).Append(hit.Exact ? "" : " · related word forms").Append("</span><div>")
                    .Append(Marked(hit.Snippet)).Append("</div></div>");
            }

            html.Append("</div>");
        }

        html.Append("</div><div class=\"pager\">");
        if (skip > 0)
        {
            html.Append("<a href=\"/search?q=").Append(Q(q)).Append("&amp;offset=").Append(Math.Max(0, skip - HitsPerPage)).Append("\">← previous</a>");
        }

        if (skip + results.Hits.Count < Math.Min(results.Total, SqliteArticleStore.MaxRanked))
        {
            html.Append("<a href=\"/search?q=").Append(Q(q)).Append("&amp;offset=").Append(skip + HitsPerPage).Append("\">next →</a>");
        }

        html.Append("</div>");
        return Page($"Search: {q}", html.ToString(), search: q);
    }

    // "2024-06-19 14:05" from an ISO date-time, the day alone when there is no time.
    private static string When(string? published) =>
        published is null ? "undated" : published.Length >= 16 && published[10] == 'T' ? $"{published[..10]} {published[11..16]}" : Day(published);
}
