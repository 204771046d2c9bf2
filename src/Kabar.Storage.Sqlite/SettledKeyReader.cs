using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite;

/// <summary>
/// Finds duplicate candidates among the settled keys (<c>lsh_keys</c> and <c>lsh_keys_newer</c>) on a read connection
/// of its own, for a thread that prepares articles ahead of the writer's commits: the seeks into the two large key
/// tables and the reads of the candidates' words then run beside the committing thread instead of on it. Nothing the
/// writer does per article touches those pages (new keys go to <c>lsh_keys_recent</c>), so the two connections do not
/// read the same pages twice.
/// <para>An answer carries the settled version the writer had committed when the reader began. The reader's snapshot,
/// which starts after that, holds at least that version's tables, and the writer uses the answer only while that
/// version is still its own (<see cref="SqliteArticleStore.FindByKeys"/>): every merge, rollback or write by another
/// process changes it.</para>
/// </summary>
internal sealed class SettledKeyReader : ISettledKeyReader
{
    // Enough for the interior pages of the key tables at a million articles (~4 MB) and the leaves a few look-ups share.
    private const int CacheMebibytes = 16;

    private static readonly Dictionary<long, string> s_noWords = [];

    private readonly SqliteArticleStore _store;
    private readonly SqliteConnection _connection;
    private readonly NativeStatements _statements;

    public SettledKeyReader(SqliteArticleStore store, string path)
    {
        _store = store;
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        _connection.Open();
        _statements = new NativeStatements(_connection);
        using SqliteCommand cache = _connection.CreateCommand();
        cache.CommandText = $"PRAGMA cache_size = -{CacheMebibytes * 1024}";
        cache.ExecuteNonQuery();
    }

    public SettledCandidates? Find(long[] keys, int limit)
    {
        ArgumentNullException.ThrowIfNull(keys);
        // The version before the snapshot begins, so the snapshot holds at least its tables.
        long version = _store.CommittedSettledVersion;
        if (_store.LoadedFilter is not { } filter)
        {
            return null;
        }

        long[] stored = Array.FindAll(keys, filter.MayContain);
        if (stored.Length == 0)
        {
            return new SettledCandidates(version, [], s_noWords);
        }

        using SqliteTransaction snapshot = _connection.BeginTransaction(deferred: true);
        var shared = new Dictionary<long, int>();
        SqliteArticleStore.CountSettled(_statements, stored, shared);
        KeyValuePair<long, int>[] most = SqliteArticleStore.MostShared(shared, limit);
        var words = new Dictionary<long, string>(most.Length);
        foreach ((long id, _) in most)
        {
            _statements.Get(SqliteArticleStore.WordsSql).Bind(1, id).Each(row => words[id] = SqliteArticleStore.StoredWords(row, id));
        }

        snapshot.Commit();
        return new SettledCandidates(version, most, words);
    }

    public void Dispose()
    {
        _statements.Dispose();
        _connection.Dispose();
    }
}
