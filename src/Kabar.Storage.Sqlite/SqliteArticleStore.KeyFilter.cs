using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite;

/// <summary>The key filter (<see cref="KeyFilter"/>) of the duplicate keys, held in memory and kept in table
/// <c>key_filter</c>. The table's filter holds at least every merged key (<c>lsh_keys</c> and <c>lsh_keys_newer</c>): it
/// is written whenever the recent keys are merged, in the same transaction, and when the filter had to be made from the tables (a
/// database from before it, keys made again, a filter grown full). The one in memory also holds the recent keys
/// (<see cref="RecentKeys"/>) as it is loaded, and the keys written since.</summary>
public sealed partial class SqliteArticleStore
{
    // The schema version that brought the filter's checksum: a database upgraded from before it gets a filter (made
    // again, for one that has no checksum to check) when it is opened.
    private const int KeyFilterSchema = 11;

    // The filter as of data version _dataVersion (see ForgetIfOthersWrote); null until needed, and again after a
    // rollback. _filterSaved: the table holds it (without the recent keys).
    private KeyFilter? _filter;
    private bool _filterSaved;

    // The batch in which data_version was last asked.
    private SqliteTransaction? _versionCheckedIn;

    /// <summary>The smallest filter made, in keys; tests make it small so the filter fills and is made again.</summary>
    internal long KeyFilterAtLeast { get; set; } = KeyFilter.MinimumCapacity;

    private KeyFilter Filter(SqliteTransaction? own = null)
    {
        ForgetIfOthersWrote();
        return _filter ??= LoadFilter(own);
    }

    private KeyFilter LoadFilter(SqliteTransaction? own)
    {
        (long Keys, long Length, long Checksum)? saved = null;
        using (SqliteDataReader reader = Command("SELECT keys, length(bits), checksum FROM key_filter WHERE id = 1", own).ExecuteReader())
        {
            if (reader.Read())
            {
                saved = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            }
        }

        // A row that is not the filter saved (a damaged file) is passed over like a missing one: the tables make it again.
        if (saved is { } s && KeyFilter.FromBytes(s.Length, s.Keys, s.Checksum, ReadSaved) is { } filter)
        {
            Recent(own).EachKey(filter.Add);
            if (!filter.IsFull)
            {
                _filterSaved = true;
                return filter;
            }
        }

        return MakeFilter(own);
    }

    private void ReadSaved(Span<byte> bytes)
    {
        using var blob = new SqliteBlob(_connection, "key_filter", "bits", 1, readOnly: true);
        blob.ReadExactly(bytes);
    }

    // A filter of every key of the three tables, with room to grow; not saved yet.
    private KeyFilter MakeFilter(SqliteTransaction? own)
    {
        RecentKeys recent = Recent(own);
        long keys = (long)Command("SELECT (SELECT count(*) FROM lsh_keys) + (SELECT count(*) FROM lsh_keys_newer)", own).ExecuteScalar()! + recent.Count;
        KeyFilter made = KeyFilter.For(keys, KeyFilterAtLeast);
        ScanMergedKeys(made);
        recent.EachKey(made.Add);
        _filterSaved = false;
        return made;
    }

    // Through SQLite's own API: Microsoft.Data.Sqlite's reader took 39 s for the 52 M keys of a million articles (beside
    // an ingest's preparing threads); the whole upgrade that makes the filter this way takes 25 s with the file in the
    // page cache, 53–55 s read from disk.
    private void ScanMergedKeys(KeyFilter filter)
    {
        using var scan = new NativeStatement(_connection, "SELECT key FROM lsh_keys UNION ALL SELECT key FROM lsh_keys_newer");
        scan.Each(row => filter.Add(row.Int64(0)));
    }

    // Writes the filter in memory, which holds every key of the three tables, as the table's. Call it in a write transaction.
    private void SaveFilter(SqliteTransaction? own)
    {
        KeyFilter filter = Filter(own);
        SqliteCommand command = Command("INSERT OR REPLACE INTO key_filter (id, keys, bits, checksum) VALUES (1, $keys, zeroblob($length), $checksum)", own);
        Bind(command, "$keys", filter.Keys);
        Bind(command, "$checksum", filter.Checksum);
        Bind(command, "$length", filter.Bytes.Length);
        command.ExecuteNonQuery();
        using (var blob = new SqliteBlob(_connection, "key_filter", "bits", 1))
        {
            blob.Write(filter.Bytes);
        }

        _filterSaved = true;
    }

    // After an article's keys are written: a filter made from the tables is saved, and a full one is made again.
    private void KeepFilter(SqliteTransaction? own)
    {
        // The saved one holds fewer keys than this, so it is not read first: the tables are.
        if (_filter is { IsFull: true })
        {
            _filter = MakeFilter(own);
        }

        if (_filter is not null && !_filterSaved)
        {
            SaveFilter(own);
        }
    }

    // data_version changes when another connection commits, never for this one's own writes: what this connection holds
    // of the tables in memory (see Forget) is then read again. A batch holds the write lock from its start (BEGIN
    // IMMEDIATE), so no other connection commits before it ends: asked once in a batch, not five times an article.
    private void ForgetIfOthersWrote()
    {
        if (_batch is not null && ReferenceEquals(_versionCheckedIn, _batch))
        {
            return;
        }

        long version = 0;
        Native("PRAGMA data_version").Each(row => version = row.Int64(0));
        if (version != _dataVersion)
        {
            _dataVersion = version;
            Forget();
        }

        _versionCheckedIn = _batch;
    }
}
