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
            string relation = !reader.IsDBNull(5) ? "exact copy"
                : !reader.IsDBNull(6) ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(reader.TextOrNull(7) == "contained" ? "partial copy" : "near copy")} {reader.GetDouble(8):0.00}")
                : "original";
            members.Add(new DuplicateMember(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.TextOrNull(3), reader.TextOrNull(4), relation));
        }

        return [.. members.GroupBy(m => m.Cluster).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).SelectMany(g => g.OrderBy(m => m.Id))];
    }

    /// <summary>
    /// A number that grows whenever an article or a rejected input is stored. Stories, duplicates and counts change
    /// only then, so anything read from the store may be kept as long as this stays the same.
    /// </summary>
    public long Version() =>
        (long)Query("SELECT coalesce((SELECT max(id) FROM articles), 0) + coalesce((SELECT max(id) FROM quarantine), 0)", [])!;

    /// <summary>Stories, newest first (by their latest day; undated last), optionally within days or carried by an outlet.</summary>
    /// <param name="since">Only stories with a member on or after this day.</param>
    /// <param name="until">Only stories with a member on or before this day.</param>
    /// <param name="outlet">Only stories this outlet carried (case-insensitive).</param>
    /// <param name="minSize">Only stories with at least this many articles.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="offset">Skipping this many first.</param>
    public IReadOnlyList<StorySummary> Stories(DateOnly? since, DateOnly? until, string? outlet, int minSize, int limit, int offset = 0)
    {
        // Dated stories newest first (read backwards along the (last_day, id) index, so a page costs the same on any
        // store), then the undated ones, newest id first.
        const string Filters = """
            s.size >= $min AND ($since IS NULL OR s.last_day >= $since) AND ($until IS NULL OR s.first_day <= $until)
              AND ($outlet IS NULL OR s.id IN (SELECT a.story_id FROM articles a WHERE a.outlet = $outlet COLLATE NOCASE))
            """;
        List<StorySummary> stories = ReadStories($"WHERE s.last_day IS NOT NULL AND {Filters} ORDER BY s.last_day DESC, s.id DESC", since, until, outlet, minSize, limit, offset);
        if (stories.Count < limit && since is null && until is null)
        {
            int dated = stories.Count > 0 ? offset + stories.Count : CountStories($"WHERE s.last_day IS NOT NULL AND {Filters}", outlet, minSize);
            stories.AddRange(ReadStories($"WHERE s.last_day IS NULL AND {Filters} ORDER BY s.id DESC", since, until, outlet, minSize,
                limit - stories.Count, Math.Max(0, offset - dated)));
        }

        ILookup<long, string> outlets = Outlets(stories.Select(s => s.Id));
        return [.. stories.Select(s => s with { Outlets = [.. outlets[s.Id]] })];
    }

    private List<StorySummary> ReadStories(string where, DateOnly? since, DateOnly? until, string? outlet, int minSize, int limit, int offset)
    {
        SqliteCommand command = Command($"SELECT s.id, s.size, s.first_day, s.last_day, s.title FROM stories s {where} LIMIT $limit OFFSET $offset");
        Bind(command, "$since", Day(since));
        Bind(command, "$until", Day(until));
        Bind(command, "$outlet", outlet);
        Bind(command, "$min", minSize);
        Bind(command, "$limit", limit);
        Bind(command, "$offset", offset);
        var stories = new List<StorySummary>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            stories.Add(new StorySummary(reader.GetInt64(0), reader.GetInt32(1), Day(reader, 2), Day(reader, 3), reader.TextOrNull(4), []));
        }

        return stories;
    }

    private int CountStories(string where, string? outlet, int minSize)
    {
        SqliteCommand command = Command($"SELECT count(*) FROM stories s {where}");
        Bind(command, "$since", null);
        Bind(command, "$until", null);
        Bind(command, "$outlet", outlet);
        Bind(command, "$min", minSize);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The summary of one story, or null when there is none with this id.</summary>
    public StorySummary? Story(long id)
    {
        SqliteCommand command = Command("SELECT size, first_day, last_day, title FROM stories WHERE id = $id");
        Bind(command, "$id", id);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read()
            ? new StorySummary(id, reader.GetInt32(0), Day(reader, 1), Day(reader, 2), reader.TextOrNull(3), [.. Outlets([id])[id]])
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
            members.Add(new StoryMember(reader.GetInt64(0), reader.GetString(1), reader.TextOrNull(2), reader.TextOrNull(3), reader.TextOrNull(4), reader.NumberOrNull(5), reader.NumberOrNull(6), reader.TextOrNull(7),
                reader.RealOrNull(8), reader.RealOrNull(9), reader.TextOrNull(10) ?? ""));
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
            yield return new ExportedArticle(reader.GetInt64(0), reader.GetString(1), reader.TextOrNull(2), reader.TextOrNull(3), reader.TextOrNull(4), reader.TextOrNull(5), reader.TextOrNull(6), reader.GetString(7),
                reader.GetInt64(8), reader.NumberOrNull(9), reader.NumberOrNull(10), reader.TextOrNull(11), reader.RealOrNull(12), reader.NumberOrNull(13), reader.RealOrNull(14), reader.TextOrNull(15), reader.GetString(16));
        }
    }

    /// <summary>One stored article without its raw bytes, or null.</summary>
    public ExportedArticle? Details(long id) => Export(id - 1, 1).FirstOrDefault(a => a.Id == id);

    /// <summary>Above this many matches, search results come newest first instead of ranked: ranking reads every match.</summary>
    public const int MaxRanked = 5000;

    /// <summary>
    /// Articles matching <paramref name="query"/>: those holding the words as typed first, then those holding only
    /// words of their families; within each, by BM25 (a title match weighs five times a text match). A query matching
    /// more than <see cref="MaxRanked"/> articles gets the newest first instead, and is counted only that far, so a
    /// one-word search of a large store costs what a precise one does; its pages end there.
    /// </summary>
    public SearchResults Search(SearchQuery query, int limit, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, MaxRanked);
        long total = CountMatches(query.Expanded);
        long exactTotal = total == 0 ? 0 : CountMatches(query.Exact);
        bool ranked = total <= MaxRanked;

        // Each part is ordered by FTS5 itself (ORDER BY rank, or rowid), so titles and snippets are made for the
        // page's rows only.
        var page = new List<(long Id, string? Title, string Snippet, bool Exact)>();
        if (offset < exactTotal)
        {
            page.AddRange(Matches(query.Exact, ranked, limit, offset).Select(m => (m.Id, m.Title, m.Snippet, true)));
        }

        if (page.Count < limit && total > exactTotal)
        {
            page.AddRange(Matches($"({query.Expanded}) NOT ({query.Exact})", ranked, limit - page.Count, (int)Math.Max(0, offset - exactTotal))
                .Select(m => (m.Id, m.Title, m.Snippet, false)));
        }

        if (page.Count == 0)
        {
            return new SearchResults(total, ranked, []);
        }

        var articles = new Dictionary<long, (long? Story, string? StoryTitle, string? Outlet, string? Published)>();
        using (SqliteCommand command = _connection.CreateCommand())
        {
            command.Transaction = _batch;
            command.CommandText = $"""
                SELECT a.id, a.story_id, s.title, a.outlet, a.published FROM articles a LEFT JOIN stories s ON s.id = a.story_id
                WHERE a.id IN ({string.Join(',', page.Select(p => p.Id))})
                """;
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                articles[reader.GetInt64(0)] = (reader.NumberOrNull(1), reader.TextOrNull(2), reader.TextOrNull(3), reader.TextOrNull(4));
            }
        }

        return new SearchResults(total, ranked, [.. page.Select(hit =>
        {
            (long? story, string? storyTitle, string? outlet, string? published) = articles[hit.Id];
            return new SearchHit(hit.Id, story, storyTitle, hit.Title, outlet, published, hit.Snippet, hit.Exact);
        })]);
    }

    private long CountMatches(string match)
    {
        SqliteCommand count = Command("SELECT count(*) FROM (SELECT 1 FROM article_search WHERE article_search MATCH $q LIMIT $cap)");
        Bind(count, "$q", match);
        Bind(count, "$cap", MaxRanked + 1);
        return (long)count.ExecuteScalar()!;
    }

    private List<(long Id, string? Title, string Snippet)> Matches(string match, bool ranked, int limit, int offset)
    {
        SqliteCommand command = Command($"""
            SELECT rowid, highlight(article_search, 0, char(2), char(3)), snippet(article_search, 1, char(2), char(3), '…', 24)
            FROM article_search WHERE article_search MATCH $match AND rank MATCH 'bm25(5.0, 1.0)'
            ORDER BY {(ranked ? "rank" : "rowid DESC")} LIMIT $limit OFFSET $offset
            """);
        Bind(command, "$match", match);
        Bind(command, "$limit", limit);
        Bind(command, "$offset", offset);
        var matches = new List<(long, string?, string)>();
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            matches.Add((reader.GetInt64(0), reader.TextOrNull(1), reader.TextOrNull(2) ?? ""));
        }

        return matches;
    }

    // The outlets of several stories in one query (ids are numbers, so they are written into the SQL).
    private ILookup<long, string> Outlets(IEnumerable<long> stories)
    {
        string ids = string.Join(',', stories);
        if (ids.Length == 0)
        {
            return Array.Empty<(long, string)>().ToLookup(p => p.Item1, p => p.Item2);
        }

        var pairs = new List<(long Story, string Outlet)>();
        using SqliteCommand command = _connection.CreateCommand();
        command.Transaction = _batch;
        command.CommandText = $"SELECT DISTINCT story_id, outlet FROM articles WHERE story_id IN ({ids}) AND outlet IS NOT NULL ORDER BY story_id, outlet";
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            pairs.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return pairs.ToLookup(p => p.Story, p => p.Outlet);
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(SqliteDataReader reader, int i) => ParseDay(reader.TextOrNull(i));

    private static DateOnly? ParseDay(string? day) => day is null ? null : DateOnly.ParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
