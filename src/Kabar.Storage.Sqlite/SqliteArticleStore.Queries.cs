using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite;

// The read side for commands: listings of duplicate clusters and stories, and the export.
public sealed partial class SqliteArticleStore
{
    /// <summary>Members of the largest duplicate clusters (more than one member), largest first, each cluster's members by id.</summary>
    public IReadOnlyList<DuplicateMember> DuplicateClusters(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        SqliteCommand command = Command("""
            SELECT cluster, id, origin, outlet, published, duplicate_of, near_of, near_kind, similarity
            FROM articles
            WHERE cluster IN (SELECT cluster FROM articles GROUP BY cluster HAVING count(*) > 1
                              ORDER BY count(*) DESC, cluster LIMIT $limit)
            """);
        Bind(command, "$limit", limit);
        var members = new List<DuplicateMember>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            string relation = !reader.IsDBNull(5) ? "exact copy"
                : !reader.IsDBNull(6) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(Text(7) == "contained" ? "partial copy" : "near copy")} {reader.GetDouble(8):0.00}")
                : "original";
            members.Add(new DuplicateMember(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), Text(3), Text(4), relation));
        }

        return [.. members.GroupBy(m => m.Cluster).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).SelectMany(g => g.OrderBy(m => m.Id))];
    }

    /// <summary>Stories, newest first (by their latest day; undated last), optionally within days or carried by an outlet.</summary>
    /// <param name="since">Only stories with a member on or after this day.</param>
    /// <param name="until">Only stories with a member on or before this day.</param>
    /// <param name="outlet">Only stories this outlet carried (case-insensitive).</param>
    /// <param name="minSize">Only stories with at least this many articles.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="offset">Skipping this many first.</param>
    public IReadOnlyList<StorySummary> Stories(DateOnly? since, DateOnly? until, string? outlet, int minSize, int limit, int offset = 0)
    {
        SqliteCommand command = Command("""
            SELECT s.id, s.size, s.first_day, s.last_day, s.title FROM stories s
            WHERE ($since IS NULL OR s.last_day >= $since) AND ($until IS NULL OR s.first_day <= $until) AND s.size >= $min
              AND ($outlet IS NULL OR EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.outlet = $outlet COLLATE NOCASE))
            ORDER BY s.last_day IS NULL, s.last_day DESC, s.id DESC LIMIT $limit OFFSET $offset
            """);
        Bind(command, "$offset", offset);
        Bind(command, "$since", Day(since));
        Bind(command, "$until", Day(until));
        Bind(command, "$outlet", outlet);
        Bind(command, "$min", minSize);
        Bind(command, "$limit", limit);
        var stories = new List<StorySummary>();
        using (SqliteDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                stories.Add(new StorySummary(reader.GetInt64(0), reader.GetInt32(1), Day(reader, 2), Day(reader, 3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), []));
            }
        }

        return [.. stories.Select(s => s with { Outlets = Outlets(s.Id) })];
    }

    /// <summary>The summary of one story, or null when there is none with this id.</summary>
    public StorySummary? Story(long id)
    {
        SqliteCommand command = Command("SELECT size, first_day, last_day, title FROM stories WHERE id = $id");
        Bind(command, "$id", id);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read()
            ? new StorySummary(id, reader.GetInt32(0), Day(reader, 1), Day(reader, 2), reader.IsDBNull(3) ? null : reader.GetString(3), Outlets(id))
            : null;
    }

    /// <summary>The articles of a story, by id.</summary>
    public IReadOnlyList<StoryMember> StoryMembers(long story)
    {
        SqliteCommand command = Command("""
            SELECT id, origin, outlet, published, title, duplicate_of, near_of, near_kind, similarity, story_score, story_reason
            FROM articles WHERE story_id = $story ORDER BY id
            """);
        Bind(command, "$story", story);
        var members = new List<StoryMember>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            long? Number(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
            double? Real(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            members.Add(new StoryMember(reader.GetInt64(0), reader.GetString(1), Text(2), Text(3), Text(4), Number(5), Number(6), Text(7),
                Real(8), Real(9), Text(10) ?? ""));
        }

        return members;
    }

    /// <summary>Stored articles in id order, without raw bytes, read as they are consumed.</summary>
    /// <param name="after">Only articles with a greater id.</param>
    /// <param name="limit">At most this many.</param>
    public IEnumerable<ExportedArticle> Export(long after = 0, int limit = int.MaxValue)
    {
        SqliteCommand command = Command("""
            SELECT id, origin, external_id, url, title, outlet, published, language, cluster, duplicate_of, near_of, near_kind,
                   similarity, story_id, story_score, story_reason, text
            FROM articles WHERE id > $after ORDER BY id LIMIT $limit
            """);
        Bind(command, "$after", after);
        Bind(command, "$limit", limit);
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            long? Number(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
            double? Real(int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
            yield return new ExportedArticle(reader.GetInt64(0), reader.GetString(1), Text(2), Text(3), Text(4), Text(5), Text(6), reader.GetString(7),
                reader.GetInt64(8), Number(9), Number(10), Text(11), Real(12), Number(13), Real(14), Text(15), reader.GetString(16));
        }
    }

    /// <summary>One stored article without its raw bytes, or null.</summary>
    public ExportedArticle? Details(long id) => Export(id - 1, 1).FirstOrDefault(a => a.Id == id);

    /// <summary>
    /// Articles matching <paramref name="query"/>: those holding the words as typed first, then by BM25 (a title match
    /// weighs five times a text match), each with a snippet.
    /// </summary>
    public SearchResults Search(SearchQuery query, int limit, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(query);
        SqliteCommand count = Command("SELECT count(*) FROM article_search WHERE article_search MATCH $q");
        Bind(count, "$q", query.Expanded);
        long total = (long)count.ExecuteScalar()!;

        SqliteCommand command = Command("""
            SELECT a.id, a.story_id, s.title, highlight(article_search, 0, char(2), char(3)),
                   a.outlet, a.published, snippet(article_search, 1, char(2), char(3), '…', 24),
                   f.rowid IN (SELECT rowid FROM article_search WHERE article_search MATCH $exact) AS exact
            FROM article_search f JOIN articles a ON a.id = f.rowid LEFT JOIN stories s ON s.id = a.story_id
            WHERE article_search MATCH $expanded
            ORDER BY exact DESC, bm25(article_search, 5.0, 1.0), a.id
            LIMIT $limit OFFSET $offset
            """);
        Bind(command, "$exact", query.Exact);
        Bind(command, "$expanded", query.Expanded);
        Bind(command, "$limit", limit);
        Bind(command, "$offset", offset);
        var hits = new List<SearchHit>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            hits.Add(new SearchHit(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), Text(2), Text(3), Text(4), Text(5),
                Text(6) ?? "", reader.GetBoolean(7)));
        }

        return new SearchResults(total, hits);
    }

    private List<string> Outlets(long story)
    {
        SqliteCommand command = Command("SELECT DISTINCT outlet FROM articles WHERE story_id = $s AND outlet IS NOT NULL ORDER BY outlet");
        Bind(command, "$s", story);
        var outlets = new List<string>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            outlets.Add(reader.GetString(0));
        }

        return outlets;
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(SqliteDataReader reader, int i) =>
        reader.IsDBNull(i) ? null : DateOnly.ParseExact(reader.GetString(i), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
