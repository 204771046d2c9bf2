namespace Kabar.Storage.Sqlite;

/// <summary>
/// Each key's first article, for keys that arrive in random order: content hashes, ingest keys. Entered one by one
/// into a B-tree ordered by key, every key would dirty a leaf of its own and the batch's commit would write each of
/// those pages. New keys are appended to <c>{table}_recent</c> instead (clustered by article id, so a batch fills a
/// few leaves) and held in memory, and they go into <c>{table}</c> (by key, without rowid) in key order once they
/// number an eighth of the articles: one pass over that table's leaves.
/// Not thread-safe; the store calls <see cref="Forget"/> when the tables may have changed under it.
/// </summary>
internal sealed class FirstArticleByKey(NativeStatements statements, string table, string column)
{
    private readonly string _find = $"SELECT article_id FROM {table} WHERE {column} = ?1";
    private readonly string _append = $"INSERT INTO {table}_recent (article_id, {column}) VALUES (?1, ?2)";
    private readonly string _merge = $"INSERT OR IGNORE INTO {table} ({column}, article_id) VALUES (?1, ?2)";
    private readonly string _clear = $"DELETE FROM {table}_recent";
    private readonly string _load = $"SELECT {column}, article_id FROM {table}_recent";
    private Dictionary<string, long>? _recent;

    /// <summary>Recent keys from which a merge may be due; tests make it small.</summary>
    public long MergeAtLeast { get; set; } = 100_000;

    /// <summary>The first article stored with <paramref name="key"/>, if any.</summary>
    public long? Find(string key)
    {
        if (Recent().TryGetValue(key, out long recent))
        {
            return recent;
        }

        long? id = null;
        statements.Get(_find).Bind(1, key).Each(row => id = row.Int64(0));
        return id;
    }

    /// <summary>Records <paramref name="key"/> for article <paramref name="id"/>, the newest stored, and merges the
    /// recent keys when they are due. A key stored before keeps its earlier article.</summary>
    public void Add(string key, long id)
    {
        statements.Get(_append).Bind(1, id).Bind(2, key).Execute();
        Dictionary<string, long> recent = Recent();
        recent.TryAdd(key, id);
        if (recent.Count < Math.Max(MergeAtLeast, id / 8))
        {
            return;
        }

        NativeStatement insert = statements.Get(_merge);
        foreach ((string each, long first) in recent.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            insert.Bind(1, each).Bind(2, first).Execute();
        }

        statements.Get(_clear).Execute();
        _recent = new Dictionary<string, long>(StringComparer.Ordinal);
    }

    /// <summary>Drops what is held in memory, to be read again from the table when next needed.</summary>
    public void Forget() => _recent = null;

    private Dictionary<string, long> Recent()
    {
        if (_recent is null)
        {
            var recent = new Dictionary<string, long>(StringComparer.Ordinal);
            statements.Get(_load).Each(row => recent.TryAdd(row.TextOrNull(0)!, row.Int64(1)));
            _recent = recent;
        }

        return _recent;
    }
}
