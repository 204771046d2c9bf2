using System.Collections.Concurrent;
using Kabar.Storage.Sqlite;

namespace Kabar.Server;

/// <summary>
/// Open read connections to the store, reused across requests: a store is not thread-safe and opening one costs a
/// schema check, so each request borrows one and gives it back. WAL lets them read while the ingest writer writes.
/// </summary>
internal sealed class StorePool(string path) : IDisposable
{
    private const int MaxIdle = 16;
    private readonly ConcurrentBag<SqliteArticleStore> _idle = [];

    public string Path => path;

    public Lease Rent() => new(this, _idle.TryTake(out SqliteArticleStore? store) ? store : SqliteArticleStore.Open(path));

    public void Dispose()
    {
        while (_idle.TryTake(out SqliteArticleStore? store))
        {
            store.Dispose();
        }
    }

    private void Return(SqliteArticleStore store)
    {
        if (_idle.Count < MaxIdle)
        {
            _idle.Add(store);
        }
        else
        {
            store.Dispose();
        }
    }

    /// <summary>A borrowed store; disposing gives it back.</summary>
    internal readonly struct Lease(StorePool pool, SqliteArticleStore store) : IDisposable
    {
        public SqliteArticleStore Store => store;

        public void Dispose() => pool.Return(store);
    }
}
