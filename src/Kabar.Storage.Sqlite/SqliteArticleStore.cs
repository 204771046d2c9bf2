using System.Globalization;
using System.Text.Json;
using Kabar.Dedup;
using Kabar.Storage;
using Kabar.Stories;
using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Every write is its own transaction, so an article reported as
/// stored survives a crash; <see cref="BeginBatch"/> groups many writes into one transaction for speed. Several processes may open one file: a writer waits up to <see cref="BusyTimeout"/>
/// for another to finish. Not thread-safe: one instance per thread.
/// </summary>
public sealed partial class SqliteArticleStore : IArticleStore, IDisposable
{
    /// <summary>How long a write waits for another process's write before it fails.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly SqliteConnection _connection;
    private SqliteTransaction? _batch;
    private BackgroundCheckpoints? _checkpoints;

    // The story index in memory, as of data version _dataVersion (see ForgetIfOthersWrote); null until the first
    // look-up, and again after a rollback, which may leave it ahead of the table.
    private StoryPostings? _postings;
    private long _dataVersion;

    // The keys of lsh_keys_recent, as of data version _dataVersion; null until needed, and again after a rollback.
    private RecentKeys? _recent;

    // The rows of story_postings_recent, likewise.
    private RecentPostings? _recentPostings;

    // Each content hash's and each ingest key's first article, their recent ones held in memory likewise.
    private readonly FirstArticleByKey _contentHashes;
    private readonly FirstArticleByKey _ingestKeys;

    // The first article of the open batch, which the search index does not have yet (see IndexForSearch).
    private long? _unindexedFrom;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private readonly NativeStatements _native;

    private SqliteArticleStore(SqliteConnection connection)
    {
        (_connection, _native) = (connection, new NativeStatements(connection));
        _contentHashes = new FirstArticleByKey(_native, "content_hashes", "hash");
        _ingestKeys = new FirstArticleByKey(_native, "ingest_keys", "key");
    }

    /// <summary>The default database path: <c>$KABAR_DB</c>, else <c>kabar.db</c> in the current folder.</summary>
    public static string DefaultPath => Environment.GetEnvironmentVariable("KABAR_DB") is { Length: > 0 } path ? path : "kabar.db";

    /// <summary>Page cache of a writer: the random-key indexes stay in memory during a long ingest.</summary>
    public const int WriterCacheMebibytes = 256;

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and brings its schema up to date.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="cacheMebibytes">The connection's page cache, allocated as used; readers that run many at once need less.</param>
    /// <param name="upgrading">Told the version found and the version made before a database of an older schema is
    /// brought up to date, which rewrites tables and can take a minute at a million articles.</param>
    /// <exception cref="StoreException">The file is not a Kabar database, is newer than this Kabar, or cannot be opened.</exception>
    public static SqliteArticleStore Open(string path, int cacheMebibytes = WriterCacheMebibytes, Action<int, int>? upgrading = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString());
        try
        {
            connection.Open();

            // A writer's 256 MiB page cache (allocated as used) keeps the random-key indexes (LSH bands, story postings) in
            // memory; without it ingest slowed with every 10k articles stored (docs/benchmarks.md).
            Execute(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
                + $" PRAGMA cache_size = -{cacheMebibytes * 1024}; PRAGMA temp_store = MEMORY;");
            int from = Migrate(connection, path, upgrading);
            var store = new SqliteArticleStore(connection);
            if (from is > 0 and < KeyFilterSchema)
            {
                // Made now, while the command says it is upgrading, not at the first look-up (53 s at a million articles read from disk).
                store.Write(own =>
                {
                    store.SaveFilter(own);
                    return 0;
                });
            }

            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new StoreException($"{path}: cannot open the database: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The schema version of the open database.</summary>
    public int SchemaVersion => Convert.ToInt32(Query("PRAGMA user_version", []), System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public long? FindByIngestKey(string ingestKey)
    {
        ForgetIfOthersWrote();
        return _ingestKeys.Find(ingestKey);
    }

    /// <inheritdoc/>
    public long? FindByContentHash(string contentHash)
    {
        ForgetIfOthersWrote();
        return _contentHashes.Find(contentHash);
    }

    /// <summary>Recent content hashes and ingest keys from which a merge may be due; tests make it small.</summary>
    internal long MergeFirstArticlesAtLeast
    {
        get => _ingestKeys.MergeAtLeast;
        set => _contentHashes.MergeAtLeast = _ingestKeys.MergeAtLeast = value;
    }

    /// <inheritdoc/>
    public IReadOnlyList<long> FindByKeys(long[] keys, int limit, SettledCandidates? settled = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // First, so that another process's writes make the settled version change before it is compared.
        ForgetIfOthersWrote();
        Dictionary<long, int> shared;
        if (settled is not null && settled.Version == _settledVersion)
        {
            shared = new Dictionary<long, int>(settled.Shared);
        }
        else
        {
            // Only the keys that may be stored: an article that copies nothing has almost none.
            keys = Array.FindAll(keys, Filter().MayContain);
            if (keys.Length == 0)
            {
                return [];
            }

            shared = [];
            CountSettled(_native, keys, shared);
        }

        // The recent articles and the settled ones are disjoint: a merge moves an article's keys all at once.
        RecentKeys recent = Recent();
        foreach (long key in keys)
        {
            recent.CountArticles(key, shared);
        }

        return [.. MostShared(shared, limit).Select(s => s.Key)];
    }

    /// <inheritdoc/>
    public ISettledKeyReader? OpenSettledKeyReader() =>
        _connection.DataSource is { Length: > 0 } path && path != ":memory:" ? new SettledKeyReader(this, path) : null;

    // The version of the settled keys (lsh_keys and lsh_keys_newer) that the recent keys in memory complement. It
    // changes whenever keys move between the tables or what is held in memory is read again, so candidates found
    // ahead of the commit from an older version (SettledCandidates) are looked up again instead.
    private long _settledVersion;

    // The settled version as of the last commit. A reader that reads it before its snapshot begins sees at least the
    // tables of that version, and an answer it finds is used only while the version is still current.
    private long _committedSettledVersion;

    internal long CommittedSettledVersion => Volatile.Read(ref _committedSettledVersion);

    // The key filter in memory, for a reader on another thread; null while the writer has none. Every filter the writer
    // holds has every settled key of its version, and it only ever adds bits.
    internal KeyFilter? LoadedFilter => Volatile.Read(ref _filter);

    private void SettledKeysChanged() => _settledVersion++;

    private void Committed() => Volatile.Write(ref _committedSettledVersion, _settledVersion);

    // Adds to `shared`, for each article with settled keys among `keys`, how many it has.
    internal static void CountSettled(NativeStatements native, long[] keys, Dictionary<long, int> shared)
    {
        NativeStatement find;
        if (keys.Length <= MaxListedKeys)
        {
            find = native.Get(s_findByListedKeys[keys.Length - 1] ??= FindByKeysSql(string.Join(", ", Enumerable.Range(1, keys.Length).Select(k => $"?{k}"))));
            for (int k = 0; k < keys.Length; k++)
            {
                find.Bind(k + 1, keys[k]);
            }
        }
        else
        {
            // More than SQLite allows parameters for, in an article of hundreds of thousands of words.
            find = native.Get(FindByKeysSql("SELECT value FROM json_each(?1)")).Bind(1, JsonSerializer.Serialize(keys));
        }

        find.Each(row => shared[row.Int64(0)] = shared.GetValueOrDefault(row.Int64(0)) + (int)row.Int64(1));
    }

    // The `limit` articles sharing the most keys, then the earliest.
    internal static KeyValuePair<long, int>[] MostShared(Dictionary<long, int> shared, int limit) =>
        [.. shared.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(limit)];

    // The keys are listed, one statement for each number of them up to this, or else given as one JSON array.
    private const int MaxListedKeys = 512;

    private static readonly string?[] s_findByListedKeys = new string?[MaxListedKeys];

    // One statement for all settled keys: a seek per key in each of the two covering (key, article_id) B-trees.
    private static string FindByKeysSql(string keys) =>
        $"""
        SELECT article_id, count(*) FROM (
            SELECT article_id FROM lsh_keys WHERE key IN ({keys}) UNION ALL SELECT article_id FROM lsh_keys_newer WHERE key IN ({keys}))
        GROUP BY article_id
        """;

    private RecentKeys Recent(SqliteTransaction? own = null)
    {
        ForgetIfOthersWrote();
        if (_recent is null)
        {
            var recent = new RecentKeys((long)Command("SELECT count(*) FROM lsh_keys_recent", own).ExecuteScalar()!);
            using var scan = new NativeStatement(_connection, "SELECT key, article_id FROM lsh_keys_recent");
            scan.Each(row => recent.Add(row.Int64(0), row.Int64(1)));
            _recent = recent;
        }

        return _recent;
    }

    /// <inheritdoc/>
    public string? KeyFormat() => KeyFormat(null);

    private string? KeyFormat(SqliteTransaction? own) => Setting("signature_format", own);

    // A value of table settings, null when it was never written.
    private string? Setting(string name, SqliteTransaction? own)
    {
        SqliteCommand read = Command("SELECT value FROM settings WHERE name = $name", own);
        Bind(read, "$name", name);
        return read.ExecuteScalar() as string;
    }

    private void SaveSetting(string name, string value, SqliteTransaction? own)
    {
        SqliteCommand write = Command("INSERT OR REPLACE INTO settings (name, value) VALUES ($name, $value)", own);
        Bind(write, "$name", name);
        Bind(write, "$value", value);
        write.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public long RebuildKeys(string format, Func<string, long[]> keysOf)
    {
        ArgumentException.ThrowIfNullOrEmpty(format);
        ArgumentNullException.ThrowIfNull(keysOf);
        // Write-locked from the start, and the format read again inside: a second process that waited finds the
        // keys made and does nothing.
        using SqliteTransaction? own = _batch is null ? _connection.BeginTransaction(deferred: false) : null;
        if (KeyFormat(own) == format)
        {
            return 0;
        }

        Command("DELETE FROM lsh_keys; DELETE FROM lsh_keys_newer; DELETE FROM lsh_keys_recent; DELETE FROM key_filter", own).ExecuteNonQuery();
        (_recent, _filter) = (null, null);
        SettledKeysChanged();
        using SqliteCommand articles = _connection.CreateCommand();
        articles.Transaction = own ?? _batch;
        articles.CommandText = "SELECT id, story FROM articles WHERE duplicate_of IS NULL ORDER BY id";
        var chunk = new List<(long Id, string Words)>(RebuildChunk);
        long count = 0;
        using (SqliteDataReader reader = articles.ExecuteReader())
        {
            while (reader.Read())
            {
                chunk.Add((reader.GetInt64(0), StoredWords(reader, 1, reader.GetInt64(0))));
                if (chunk.Count == RebuildChunk)
                {
                    WriteKeysInKeyOrder(chunk, keysOf, own);
                    count += chunk.Count;
                    chunk.Clear();
                }
            }
        }

        WriteKeysInKeyOrder(chunk, keysOf, own);
        count += chunk.Count;
        SaveSetting("signature_format", format, own);
        own?.Commit();
        Committed();
        return count;
    }

    // Articles whose keys are made at once when the keys are made again: about 3.7 M keys, 60 MB, and their words.
    private const int RebuildChunk = 1 << 16;

    // Makes a chunk's keys on every core and writes them sorted: written article by article, each of an article's
    // keys lands on another page of the B-tree, and at a million articles the rebuild spent its time on page misses.
    private void WriteKeysInKeyOrder(List<(long Id, string Words)> chunk, Func<string, long[]> keysOf, SqliteTransaction? own)
    {
        long[][] keys = new long[chunk.Count][];
        Parallel.For(0, chunk.Count, i => keys[i] = keysOf(chunk[i].Words));
        (long Key, long Id)[] pairs = [.. chunk.Zip(keys).SelectMany(c => c.Second.Select(k => (k, c.First.Id)))];
        Array.Sort(pairs);
        WriteKeys(pairs, InsertMergedKeys, own);
    }

    // Keys in as few statements as will do, not one each: at ~60 keys an article the per-statement work of
    // Microsoft.Data.Sqlite (finding the statement, binding by name) cost more than SQLite's inserts.
    private void WriteKeys(ReadOnlySpan<(long Key, long Id)> pairs, string[] inserts, SqliteTransaction? own)
    {
        for (; pairs.Length > MaxKeysPerInsert; pairs = pairs[MaxKeysPerInsert..])
        {
            WriteKeys(pairs[..MaxKeysPerInsert], inserts, own);
        }

        if (pairs.IsEmpty)
        {
            return;
        }

        NativeStatement insert = Native(inserts[pairs.Length - 1]);
        for (int i = 0; i < pairs.Length; i++)
        {
            insert.Bind(2 * i + 1, pairs[i].Key).Bind(2 * i + 2, pairs[i].Id);
        }

        insert.Execute();
    }

    // An article's keys join the recent ones, and the filter if it is loaded, in key order: its rows come last in
    // their table, and written in order they fill its leaves (out of order, SQLite splits a leaf in the middle and
    // leaves both halves half empty). Keys written otherwise, by a merge or a rebuild, are in the filter already or
    // come before it is made.
    private void WriteRecentKeys(long[] keys, long id, SqliteTransaction? own)
    {
        RecentKeys recent = Recent(own);
        (long Key, long Id)[] pairs = [.. keys.Order().Select(k => (k, id))];
        WriteKeys(pairs, InsertRecentKeys, own);
        foreach ((long key, _) in pairs)
        {
            recent.Add(key, id);
            _filter?.Add(key);
        }
    }

    private const int MaxKeysPerInsert = 64;

    // INSERT statements of 1 to MaxKeysPerInsert (key, article) rows, into each of the three key tables.
    private static readonly string[] InsertMergedKeys = InsertKeysSql("lsh_keys"), InsertNewerKeys = InsertKeysSql("lsh_keys_newer"),
        InsertRecentKeys = InsertKeysSql("lsh_keys_recent");

    private static string[] InsertKeysSql(string table) => [.. Enumerable.Range(1, MaxKeysPerInsert).Select(n =>
        $"INSERT OR IGNORE INTO {table} (key, article_id) VALUES {string.Join(", ", Enumerable.Range(0, n).Select(i => $"(?{2 * i + 1}, ?{2 * i + 2})"))}")];

    /// <summary>Recent keys are merged once there are at least this many and at least two for each article stored,
    /// a thirtieth of all keys (an article has ~60).</summary>
    internal long MergeKeysAtLeast { get; set; } = 1_000_000;

    /// <summary>Merges of the recent keys into <c>lsh_keys_newer</c> after which that table goes into <c>lsh_keys</c>.
    /// A merge rewrites the leaves of the table it goes into, so with R keys a merge and M in <c>lsh_keys</c> (M ≈ 26 R
    /// at a million articles), going straight into <c>lsh_keys</c> rewrote ~M a merge; with 4 it rewrites
    /// on average 2.5 R in the newer table and M / 4 for the move, about a third.</summary>
    internal int NewerMergesPerFlush { get; set; } = 4;

    // Merging writes most leaves of the table merged into, so it waits until it brings several keys to each leaf.
    // Waiting costs memory, not pages: the recent keys are appended to their table, and looked up in memory
    // (RecentKeys, 64 MB for the two million keys waiting at a million articles).
    private void MergeKeysIfDue(long lastId, SqliteTransaction? own)
    {
        RecentKeys recent = Recent(own);
        if (recent.Count < Math.Max(MergeKeysAtLeast, 2 * lastId))
        {
            return;
        }

        // The filter is read before the merge, while it can still be made from the recent keys. The keys are sorted
        // here, not by SQLite: its sorter doubled the time of a merge at a million articles (5.5 s against 2.7 s).
        Filter(own);
        WriteKeys(recent.Sorted(), InsertNewerKeys, own);
        Command("DELETE FROM lsh_keys_recent", own).ExecuteNonQuery();
        _recent = new RecentKeys();
        SettledKeysChanged();
        long merges = long.Parse(Setting("newer_key_merges", own) ?? "0", System.Globalization.CultureInfo.InvariantCulture) + 1;
        if (merges >= NewerMergesPerFlush)
        {
            // Read in key order, so lsh_keys takes them as it took sorted merges, leaf after leaf.
            Command("INSERT OR IGNORE INTO lsh_keys (key, article_id) SELECT key, article_id FROM lsh_keys_newer; DELETE FROM lsh_keys_newer", own)
                .ExecuteNonQuery();
            merges = 0;
        }

        SaveSetting("newer_key_merges", merges.ToString(System.Globalization.CultureInfo.InvariantCulture), own);
        SaveFilter(own);
    }

    /// <inheritdoc/>
    public IEnumerable<string> StoryWords(long after, long through)
    {
        // Its own command: the caller may run other statements between the words it reads.
        using SqliteCommand command = _connection.CreateCommand();
        command.Transaction = _batch;
        command.CommandText = "SELECT id, story FROM articles WHERE id > $after AND id <= $through AND duplicate_of IS NULL ORDER BY id";
        Bind(command, "$after", after);
        Bind(command, "$through", through);
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return StoredWords(reader, 1, reader.GetInt64(0));
        }
    }

    /// <inheritdoc/>
    /// <remarks>The words come before the text and raw bytes in the row, so SQLite reads only the first of its overflow
    /// pages.</remarks>
    public string GetWords(long id)
    {
        string? words = null;
        Native(WordsSql).Bind(1, id).Each(row => words = StoredWords(row, id));
        return words ?? throw new KeyNotFoundException($"no article {id}");
    }

    internal const string WordsSql = "SELECT story FROM articles WHERE id = ?1";

    // An article's story words as the first column of a row: packed (a BLOB) from schema 18 on, text before.
    internal static string StoredWords(NativeRow row, long article) =>
        row.IsBlob(0) ? UnpackWords(row.Blob(0), article) : row.TextOrNull(0) ?? "";

    private static string StoredWords(SqliteDataReader reader, int column, long article) =>
        reader.GetValue(column) is byte[] packed ? UnpackWords(packed, article) : reader.GetString(column);

    private static string UnpackWords(ReadOnlySpan<byte> packed, long article)
    {
        try
        {
            return Packed.UnpackText(packed);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(article, "story words", e);
        }
    }

    // An article's raw bytes, packed from schema 18 on (raw_packed = 1), as they came before.
    private static byte[] StoredRaw(SqliteDataReader reader, int raw, int packed, long article)
    {
        byte[] bytes = (byte[])reader[raw];
        try
        {
            return reader.GetInt64(packed) == 1 ? Packed.Unpack(bytes) : bytes;
        }
        catch (InvalidDataException e)
        {
            throw Damaged(article, "raw bytes", e);
        }
    }

    private static StoreException Damaged(long article, string what, InvalidDataException e) =>
        new($"article {article}: its {what} are damaged in the database: {e.Message}", e);

    /// <inheritdoc/>
    /// <remarks><c>story_id</c> was added to the table after the raw bytes (v2): reading it walks all of the row's
    /// overflow pages.</remarks>
    public StoredLinks GetLinks(long id)
    {
        StoredLinks? links = null;
        Native("SELECT cluster, story_id FROM articles WHERE id = ?1").Bind(1, id).Each(row => links = new StoredLinks(row.Int64(0), row.Int64OrNull(1)));
        return links ?? throw new KeyNotFoundException($"no article {id}");
    }

    /// <inheritdoc/>
    public long Rollbacks { get; private set; }

    /// <inheritdoc/>
    public long LastId() => Query("SELECT max(id) FROM articles", []) is long id ? id : 0;

    /// <inheritdoc/>
    public IEnumerable<StoredArticle> ArticlesAfter(long id)
    {
        // Read in pages, so the caller may write between them.
        const int Page = 500;
        while (true)
        {
            List<StoredArticle> page = ReadArticles(id, Page);
            foreach (StoredArticle article in page)
            {
                yield return article;
                id = article.Id;
            }

            if (page.Count < Page)
            {
                yield break;
            }
        }
    }

    /// <summary>One stored article with its raw bytes and source, or null.</summary>
    public StoredArticle? Article(long id) => ReadArticles(id - 1, 1).FirstOrDefault(a => a.Id == id);

    private List<StoredArticle> ReadArticles(long after, int limit)
    {
        var articles = new List<StoredArticle>(Math.Min(limit, 500));
        SqliteCommand command = Command("""
            SELECT id, origin, external_id, url, title, outlet, published, extra_json, raw, coalesce(duplicate_of, near_of), duplicate_of IS NOT NULL, story_id,
                   format, charset, raw_packed
            FROM articles WHERE id > $id ORDER BY id LIMIT $limit
            """);
        Bind(command, "$id", after);
        Bind(command, "$limit", limit);
        using SqliteDataReader reader = command.ExecuteReader();
        while (reader.Read())
        {
            articles.Add(new StoredArticle(
                reader.GetInt64(0),
                new ArticleSource(reader.GetString(1), reader.TextOrNull(2), reader.TextOrNull(3), reader.TextOrNull(4), reader.TextOrNull(5), reader.TextOrNull(6), reader.TextOrNull(7),
                    Enum.Parse<ArticleFormat>(reader.GetString(12), ignoreCase: true), reader.TextOrNull(13)),
                StoredRaw(reader, 8, 14, reader.GetInt64(0)), reader.NumberOrNull(9), reader.GetBoolean(10), reader.NumberOrNull(11)));
        }

        return articles;
    }

    /// <inheritdoc/>
    /// <remarks>Each key contributes only the <see cref="PostingsPerKey"/> stories in the window that most recently took it as an index
    /// key (a story's keys are written again whenever it grows): a common word cannot make every story a candidate, and
    /// the work per article stays flat as the store grows. Answered from <see cref="StoryPostings"/>, which reads each key's
    /// recent end from the table once, further back only when a look-up needs it, and all again after another connection
    /// has written to the database.</remarks>
    public IReadOnlyList<StoryState> FindStories(long[] keys, DateOnly? day, int windowDays, int reachDays, int limit) =>
        [.. Postings().Find(keys, day, windowDays, reachDays, PostingsPerKey, limit).Select(GetStoryState)];

    private StoryPostings Postings()
    {
        ForgetIfOthersWrote();
        return _postings ??= new StoryPostings(StoryKeyRows);
    }

    // Up to count live rows of key saved before `before`, newest first: those of the merged table whose story was not
    // saved since the last merge (read on past the stale ones until count are live or none is left), and those saved
    // since. Fewer than count means there are no more.
    internal List<StoryPostingRow> StoryKeyRows(long key, long before, int count)
    {
        RecentPostings recent = RecentPostings();
        List<StoryPostingRow> rows = [.. recent.Live(key, before)];
        NativeStatement older = Native("SELECT story, saved_by, first_day, last_day FROM story_postings WHERE key = ?1 AND saved_by < ?2 ORDER BY saved_by DESC LIMIT ?3");
        int live = 0;
        for (long from = before, read = count; read == count && live < count;)
        {
            read = 0;
            older.Bind(1, key).Bind(2, from).Bind(3, count).Each(row =>
            {
                read++;
                var posting = new StoryPostingRow(row.Int64(0), row.Int64(1), (int?)row.Int64OrNull(2), (int?)row.Int64OrNull(3));
                from = posting.SavedBy;
                if (!recent.Supersedes(posting.Story))
                {
                    rows.Add(posting);
                    live++;
                }
            });
        }

        rows.Sort((a, b) => b.SavedBy.CompareTo(a.SavedBy));
        return rows.Count > count ? rows[..count] : rows;
    }

    private RecentPostings RecentPostings()
    {
        ForgetIfOthersWrote();
        if (_recentPostings is null)
        {
            var recent = new RecentPostings();
            using var scan = new NativeStatement(_connection, "SELECT key, story, saved_by, first_day, last_day FROM story_postings_recent");
            scan.Each(row => recent.Load(row.Int64(0), new StoryPostingRow(row.Int64(1), row.Int64(2), (int?)row.Int64OrNull(3), (int?)row.Int64OrNull(4))));
            _recentPostings = recent;
        }

        return _recentPostings;
    }

    // A write in its own transaction unless a batch is open. If it fails, the transaction is rolled back, and with it
    // whatever the write had added to the story index in memory.
    private T Write<T>(Func<SqliteTransaction?, T> write)
    {
        using SqliteTransaction? own = _batch is null ? _connection.BeginTransaction() : null;
        try
        {
            T result = write(own);
            if (own is not null)
            {
                own.Commit();
                Committed();
            }

            return result;
        }
        catch
        {
            RolledBack();
            throw;
        }
    }

    // After a rollback the story index, the recent postings, keys, content hashes and ingest keys in memory may hold
    // rows the tables do not, and the key filter may not be saved.
    private void RolledBack()
    {
        Rollbacks++;
        Forget();
    }

    // What this connection holds of the tables in memory (the story index, the recent postings, keys, content hashes
    // and ingest keys, the key filter) is read again when next needed.
    private void Forget()
    {
        (_postings, _recent, _recentPostings, _filter) = (null, null, null, null);
        _contentHashes.Forget();
        _ingestKeys.Forget();
        SettledKeysChanged();
    }

    /// <inheritdoc/>
    public StoryState GetStoryState(long story)
    {
        StoryState? state = null;
        Native("SELECT first_day, last_day, size, title, centroid FROM stories WHERE id = ?1").Bind(1, story).Each(row =>
            state = new StoryState(story, ParseDay(row.TextOrNull(0)), ParseDay(row.TextOrNull(1)), (int)row.Int64(2), row.TextOrNull(3),
                CentroidCodec.Decode(row.Blob(4))));
        return state ?? throw new KeyNotFoundException($"no story {story}");
    }

    /// <inheritdoc/>
    public void SetStory(long id, StoryAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        Write(own =>
        {
            long story = assignment.State.Id ?? id;
            SqliteCommand command = Command("UPDATE articles SET story_id = $story, story_score = $score, story_reason = $reason WHERE id = $id", own);
            Bind(command, "$story", story);
            Bind(command, "$score", assignment.Score);
            Bind(command, "$reason", assignment.Reason);
            Bind(command, "$id", id);
            command.ExecuteNonQuery();
            SaveStory(story, id, assignment, own);
            return story;
        });
    }

    /// <inheritdoc/>
    public (byte[]? Data, long ThroughId) LoadStatistics()
    {
        SqliteCommand command = Command("SELECT data, through_id FROM corpus_statistics WHERE id = 1");
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? ((byte[])reader[0], reader.GetInt64(1)) : (null, 0);
    }

    /// <inheritdoc/>
    public void SaveStatistics(byte[] data, long throughId)
    {
        SqliteCommand command = Command("INSERT OR REPLACE INTO corpus_statistics (id, through_id, data) VALUES (1, $through, $data)");
        Bind(command, "$through", throughId);
        Bind(command, "$data", data);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public long Add(NewArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        Kabar.Pipeline.Article a = article.Article;
        ArticleSource s = article.Source;
        return Write(own =>
        {
            // What this connection holds in memory is read again if another process has committed since it was read.
            ForgetIfOthersWrote();

            // Bound by position, in the order of the columns; `next` is the id the row gets. The ingest key goes to
            // ingest_keys; the column, unique by the table's definition, takes the id as 8 big-endian bytes: a blob sorts
            // after every text key, so the index takes each at its end instead of at a random leaf (schema v20). A new
            // cluster or story is numbered by its first article.
            long id = 0;
            Native("""
                WITH next (id) AS (SELECT coalesce(max(id), 0) + 1 FROM articles)
                INSERT INTO articles (ingest_key, origin, format, charset, external_id, url, title, outlet, published, language,
                                      encoding, content_hash, duplicate_of, near_of, near_kind, similarity, cluster, story,
                                      sentences, text, extra_json, raw, story_id, story_score, story_reason, raw_packed)
                SELECT unhex(printf('%016x', next.id)), ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                       coalesce(?17, next.id), ?18, ?19, ?20, ?21, ?22, coalesce(?23, next.id), ?24, ?25, 1
                FROM next
                RETURNING id
                """)
                .Bind(2, s.Origin).Bind(3, s.Format.ToString().ToLowerInvariant()).Bind(4, s.Charset)
                .Bind(5, s.ExternalId).Bind(6, s.Url).Bind(7, s.Title ?? a.Metadata.Title).Bind(8, s.Outlet ?? a.Metadata.Dateline?.Outlet)
                .Bind(9, s.Published ?? a.Metadata.Published?.Iso).Bind(10, a.Language.ToString()).Bind(11, a.Encoding)
                .Bind(12, article.ContentHash).Bind(13, article.DuplicateOf).Bind(14, article.Near?.Of).Bind(15, article.Near?.Kind)
                .Bind(16, article.Near?.Similarity).Bind(17, article.Cluster).Bind(18, article.Words.Bytes).Bind(19, a.Sentences.Count)
                .Bind(20, a.Text).Bind(21, s.ExtraJson).Bind(22, article.Raw.Bytes).Bind(23, article.StoryGroup.State.Id)
                .Bind(24, article.StoryGroup.Score).Bind(25, article.StoryGroup.Reason)
                .Each(row => id = row.Int64(0));
            if (own is null)
            {
                _unindexedFrom ??= id;
            }
            else
            {
                IndexForSearch(id, own);
            }

            // An article whose story words were not stored before is the one a later exact copy of them is a copy of.
            if (article.DuplicateOf is null)
            {
                _contentHashes.Add(article.ContentHash, id);
            }

            _ingestKeys.Add(article.IngestKey, id);
            SaveStory(article.StoryGroup.State.Id ?? id, id, article.StoryGroup, own);

            WriteRecentKeys(article.Keys, id, own);
            KeepFilter(own);
            MergeKeysIfDue(id, own);
            return id;
        });
    }

    // Adds the articles from id `from` on to the full-text index in one statement. FTS5 writes out what it has
    // buffered whenever another statement of the transaction starts, so indexing each article as it was stored wrote
    // one tiny segment per article and merged them over and over (1.1 ms an article at 100k); a batch indexes its
    // articles together just before it commits.
    private void IndexForSearch(long from, SqliteTransaction? transaction)
    {
        SqliteCommand search = Command("INSERT INTO article_search (rowid, title, text) SELECT id, title, text FROM articles WHERE id >= $from", transaction);
        Bind(search, "$from", from);
        search.ExecuteNonQuery();
    }

    // savedBy is the article whose arrival saves the story: article ids order a key's postings by save.
    private void SaveStory(long story, long savedBy, StoryAssignment assignment, SqliteTransaction? own)
    {
        StoryState state = assignment.State;
        Native("""
            INSERT INTO stories (id, first_day, last_day, size, title, centroid) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
            ON CONFLICT (id) DO UPDATE SET first_day = excluded.first_day, last_day = excluded.last_day, size = excluded.size,
                                           title = excluded.title, centroid = excluded.centroid
            """)
            .Bind(1, story).Bind(2, Day(state.FirstDay)).Bind(3, Day(state.LastDay)).Bind(4, state.Size).Bind(5, state.Title)
            .Bind(6, CentroidCodec.Encode(state.Centroid)).Execute();
        // Appended to the recent postings; the rows this save supersedes in the merged table stay there until the merge.
        int? firstDay = state.FirstDay?.DayNumber, lastDay = state.LastDay?.DayNumber;
        RecentPostings recent = RecentPostings();
        if (recent.Save(story, savedBy, firstDay, lastDay, assignment.IndexKeys) is { } superseded)
        {
            Native("DELETE FROM story_postings_recent WHERE saved_by = ?1").Bind(1, superseded).Execute();
        }

        NativeStatement postings = Native("INSERT INTO story_postings_recent (saved_by, key, story, first_day, last_day) VALUES (?1, ?2, ?3, ?4, ?5)")
            .Bind(1, savedBy).Bind(3, story).Bind(4, firstDay).Bind(5, lastDay);
        foreach (long k in assignment.IndexKeys)
        {
            postings.Bind(2, k).Execute();
        }

        _postings?.Save(story, state.FirstDay, state.LastDay, assignment.IndexKeys);
        MergePostingsIfDue(recent, savedBy, own);
    }

    /// <summary>Recent story postings from which a merge may be due; tests make it small.</summary>
    internal long MergePostingsAtLeast { get; set; } = 100_000;

    // Like the duplicate keys (MergeKeysIfDue), the postings saved since the last merge go into the merged table once
    // they bring several rows to each of its leaves: inserted one save at a time, each of a story's keys dirtied a
    // random leaf of it, 11 of the 23 pages an article wrote at a million articles. The merge deletes what the recent
    // saves superseded and adds them in key order; which rows are live does not change, so neither does any look-up.
    private void MergePostingsIfDue(RecentPostings recent, long lastId, SqliteTransaction? own)
    {
        if (recent.Rows < Math.Max(MergePostingsAtLeast, lastId / 4))
        {
            return;
        }

        NativeStatement stale = Native("DELETE FROM story_postings WHERE story = ?1");
        foreach (long story in recent.Stories.Order())
        {
            stale.Bind(1, story).Execute();
        }

        NativeStatement insert = Native("INSERT INTO story_postings (key, saved_by, story, first_day, last_day) VALUES (?1, ?2, ?3, ?4, ?5)");
        foreach ((long key, StoryPostingRow row) in recent.LiveInKeyOrder())
        {
            insert.Bind(1, key).Bind(2, row.SavedBy).Bind(3, row.Story).Bind(4, row.FirstDay).Bind(5, row.LastDay).Execute();
        }

        Command("DELETE FROM story_postings_recent", own).ExecuteNonQuery();
        _recentPostings = new RecentPostings();
    }

    /// <inheritdoc/>
    public void Quarantine(QuarantinedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        SqliteCommand command = Command("""
            INSERT OR IGNORE INTO quarantine (ingest_key, origin, reason, message, raw)
            VALUES ($key, $origin, $reason, $message, $raw)
            """);
        Bind(command, "$key", input.IngestKey);
        Bind(command, "$origin", input.Source.Origin);
        Bind(command, "$reason", input.Rejection.Reason.ToString());
        Bind(command, "$message", input.Rejection.Message);
        Bind(command, "$raw", input.Raw);
        command.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public StoreStats GetStats()
    {
        long articles = (long)Query("SELECT count(*) FROM articles", [])!;
        long duplicates = (long)Query("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL", [])!;
        long near = (long)Query("SELECT count(*) FROM articles WHERE near_of IS NOT NULL", [])!;
        var byReason = new SortedDictionary<string, long>(StringComparer.Ordinal);
        SqliteCommand command = Command("SELECT reason, count(*) FROM quarantine GROUP BY reason");
        using (SqliteDataReader reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                byReason[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return new StoreStats(articles, duplicates, near, byReason.Values.Sum(), byReason);
    }

    /// <summary>The raw bytes kept for a quarantined input, or null.</summary>
    public byte[]? QuarantinedRaw(string origin) =>
        Query("SELECT raw FROM quarantine WHERE origin = $o ORDER BY id LIMIT 1", [("$o", origin)]) as byte[];

    /// <summary>The raw bytes, duplicate link, origin and duplicate cluster of a stored article, or null.</summary>
    public (byte[] Raw, long? DuplicateOf, string Origin, long Cluster)? Get(long id)
    {
        SqliteCommand command = Command("SELECT raw, duplicate_of, origin, cluster, raw_packed FROM articles WHERE id = $id");
        Bind(command, "$id", id);
        using SqliteDataReader reader = command.ExecuteReader();
        return reader.Read() ? (StoredRaw(reader, 0, 4, id), reader.NumberOrNull(1), reader.GetString(2), reader.GetInt64(3)) : null;
    }

    /// <summary>
    /// Starts a batch: writes until <see cref="Batch.Commit"/> share one transaction, which is much faster than one
    /// transaction per article. What was written since the last commit is lost if the process dies, so callers report
    /// articles as stored only after the commit. Disposing an uncommitted batch rolls it back.
    /// </summary>
    public Batch BeginBatch()
    {
        if (_batch is not null)
        {
            throw new InvalidOperationException("a batch is already open on this store");
        }

        // A store that writes in batches is a long-running writer: its checkpoints move off the committing thread.
        _checkpoints ??= BackgroundCheckpoints.Start(_connection);
        _batch = _connection.BeginTransaction(deferred: false);
        return new Batch(this);
    }

    /// <summary>An open batch of writes; see <see cref="BeginBatch"/>.</summary>
    public sealed class Batch : IDisposable
    {
        private readonly SqliteArticleStore _store;

        internal Batch(SqliteArticleStore store) => _store = store;

        /// <summary>True when keys have moved between the settled tables (or were read again) since the last commit.
        /// Until the batch commits, every candidate found ahead of the commit (<see cref="ISettledKeyReader"/>) is stale
        /// and is looked up again, so a batch is best committed soon after.</summary>
        public bool SettledKeysChanged => _store._settledVersion != _store._committedSettledVersion;

        /// <summary>Makes every write of the batch durable and ends the batch.</summary>
        public void Commit()
        {
            if (_store._unindexedFrom is { } from)
            {
                _store.IndexForSearch(from, _store._batch);
            }

            _store._batch?.Commit();
            _store.Committed();
            End();
        }

        /// <summary>Ends the batch; writes not committed are rolled back.</summary>
        public void Dispose()
        {
            if (_store._batch is not null)
            {
                _store.RolledBack();
            }

            End();
        }

        private void End()
        {
            _store._batch?.Dispose();
            _store._batch = null;
            _store._unindexedFrom = null;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (SqliteCommand command in _commands.Values)
        {
            command.Dispose();
        }

        _native.Dispose();

        _batch?.Dispose();
        _checkpoints?.Dispose();
        _connection.Dispose();
    }

    /// <summary>Stories read per index key when looking for an article's story.</summary>
    public const int PostingsPerKey = 32;

    // Commands are prepared once per connection and reused, parameters cleared: the look-ups run for every article.
    // A command must not be asked for again while a reader of it is open.
    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out SqliteCommand? command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = transaction ?? _batch;
        return command;
    }

    // The statements an ingest runs for every article, through SQLite's own API (NativeStatement), likewise prepared
    // once per connection.
    private NativeStatement Native(string sql) => _native.Get(sql);

    private object? Query(string sql, (string Name, object? Value)[] parameters)
    {
        SqliteCommand command = Command(sql);
        foreach ((string name, object? value) in parameters)
        {
            Bind(command, name, value);
        }

        object? result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    // Each step runs in an immediate (write-locked) transaction that reads the version again, so two processes that
    // open a new database at once take turns: the second finds the schema made and does nothing.
    // Returns the version the database had.
    private static int Migrate(SqliteConnection connection, string path, Action<int, int>? upgrading)
    {
        int from = -1;
        Migrations.AddFunctions(connection);
        for (bool told = false; ; told = true)
        {
            using SqliteTransaction transaction = connection.BeginTransaction(deferred: false);
            int version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version", []), System.Globalization.CultureInfo.InvariantCulture);
            if (version == 0 && Convert.ToInt64(Scalar(connection, transaction, "SELECT count(*) FROM sqlite_master", []), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                throw new StoreException($"{path}: not a Kabar database (it has tables but no Kabar schema version)");
            }

            if (version > Migrations.Latest)
            {
                throw new StoreException($"{path}: schema version {version} is newer than this Kabar understands ({Migrations.Latest}); upgrade Kabar");
            }

            from = from < 0 ? version : from;
            if (version == Migrations.Latest)
            {
                return from;
            }

            if (!told && version > 0)
            {
                upgrading?.Invoke(version, Migrations.Latest);
            }

            Execute(connection, Migrations.Scripts[version], transaction);
            Execute(connection, $"PRAGMA user_version = {version + 1}", transaction);
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, (string Name, object? Value)[] parameters)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            Bind(command, name, value);
        }

        object? result = command.ExecuteScalar();
        return result is DBNull ? null : result;
    }

    private static void Bind(SqliteCommand command, string name, object? value) => command.Parameters.AddWithValue(name, value ?? DBNull.Value);
}
