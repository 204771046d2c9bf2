using Kabar.Reports;
using Kabar.Storage.Sqlite;

namespace Kabar.Server.Api;

/// <summary>A page of a listing.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int Limit);

/// <summary>A story and its members with their roles.</summary>
public sealed record StoryView(StorySummary Story, IReadOnlyList<StoryMemberView> Members)
{
    internal static StoryView From(StoryReport report) => new(report.Story, [.. report.Members.Select(x => new StoryMemberView(
        x.Article.Id, x.Article.Outlet, x.Article.Published, x.Article.Title, x.Article.Origin,
        Json.SnakeCase(x.Role.Role.ToString()), x.Role.Of, x.Role.Detail, x.Article.Score, x.Article.Reason))]);
}

/// <summary>One member of a story: role is first_published, exact_copy, near_copy, partial_copy, rewrite or independent_report.</summary>
public sealed record StoryMemberView(
    long Id, string? Outlet, string? Published, string? Title, string Origin, string Role, long? Of, string Detail, double? Score, string Reason);

/// <summary>A stored article as listed: no text.</summary>
public sealed record ArticleSummary(long Id, string Origin, string? Url, string? Title, string? Outlet, string? Published, string Language,
    long DuplicateCluster, long? DuplicateOf, long? NearOf, long? Story)
{
    internal static ArticleSummary From(ExportedArticle a) =>
        new(a.Id, a.Origin, a.Url, a.Title, a.Outlet, a.Published, a.Language, a.DuplicateCluster, a.DuplicateOf, a.NearOf, a.Story);
}

/// <summary>A page of articles; <paramref name="NextAfter"/> is the <c>after</c> of the next page, null on the last.</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleSummary> Items, long? NextAfter);

/// <summary>A duplicate cluster: its id is its earliest member's.</summary>
public sealed record DuplicateCluster(long Cluster, IReadOnlyList<DuplicateMember> Members);

/// <summary>Two texts to compare, with optional names.</summary>
public sealed record CompareRequest(string? A, string? B, string? AName, string? BName);

/// <summary>Ingest outcomes counted, and each input's.</summary>
public sealed record IngestResponse(IReadOnlyDictionary<string, int> Counts, IReadOnlyList<IngestItemResult> Results);

/// <summary>Search results grouped by story, stories in the order of their best article; <paramref name="Order"/> is
/// "relevance", or "newest" when too many articles match to rank them all (then <paramref name="Total"/> is only a
/// lower bound: 5,001 means "more than 5,000").</summary>
public sealed record SearchView(string Query, long Total, string Order, IReadOnlyList<SearchStory> Stories)
{
    internal static SearchView From(string query, SearchResults results) => new(query, results.Total, results.Ranked ? "relevance" : "newest", [.. results.Hits
        .GroupBy(h => h.Story ?? -h.Id)
        .Select(g => new SearchStory(g.First().Story, g.First().StoryTitle, [.. g.Select(SearchArticle.From)]))]);
}

/// <summary>A story among search results with its matching articles.</summary>
public sealed record SearchStory(long? Story, string? Title, IReadOnlyList<SearchArticle> Articles);

/// <summary>
/// A matching article. <paramref name="Snippet"/> and <paramref name="Title"/> are plain text; the matched words are
/// at the [start, end) UTF-16 offsets in <paramref name="Highlights"/> and <paramref name="TitleHighlights"/>.
/// </summary>
public sealed record SearchArticle(long Id, string? Title, int[][] TitleHighlights, string? Outlet, string? Published, string Snippet,
    int[][] Highlights, bool Exact)
{
    internal static SearchArticle From(SearchHit hit)
    {
        (string? title, int[][] titleMarks) = hit.Title is null ? (null, []) : Marked.Split(hit.Title);
        (string snippet, int[][] marks) = Marked.Split(hit.Snippet);
        return new SearchArticle(hit.Id, title, titleMarks, hit.Outlet, hit.Published, snippet, marks, hit.Exact);
    }
}

/// <summary>Text with matched words between U+0002 and U+0003, as the search index marks them.</summary>
internal static class Marked
{
    public const char Open = '\u0002', Close = '\u0003';

    /// <summary>The plain text and the [start, end) offsets of the marked runs.</summary>
    public static (string Text, int[][] Marks) Split(string marked)
    {
        var text = new System.Text.StringBuilder(marked.Length);
        var marks = new List<int[]>();
        int start = -1;
        foreach (char c in marked)
        {
            if (c == Open)
            {
                start = text.Length;
            }
            else if (c == Close && start >= 0)
            {
                marks.Add([start, text.Length]);
                start = -1;
            }
            else if (c != Close)
            {
                text.Append(c);
            }
        }

        return (text.ToString(), [.. marks]);
    }
}
