using System.Collections.Concurrent;
using Kabar.Storage.Sqlite;

namespace Kabar.Server;

/// <summary>
/// Read connections to the store, shared by requests: a store is not thread-safe and opening one costs a schema
/// check, so each request borrows one and gives it back. There are at most <see cref="Size"/>, a few per core: more
/// would only take turns on the cores while each held its own page cache, so a request past them waits its turn.
/// WAL lets them read while the ingest writer writes.
/// </summary>
internal sealed class StorePool(string path) : IDisposable
{
    private const int CacheMebibytes = 32;
    private readonly ConcurrentBag<SqliteArticleStore> _idle = [];
    private readonly SemaphoreSlim _slots = new(Size, Size);

    public static int Size { get; } = Math.Max(4, Environment.ProcessorCount * 2);

    public async Task<Lease> RentAsync(CancellationToken cancel)
    {
        await _slots.WaitAsync(cancel);
        try
        {
            return new Lease(this, _idle.TryTake(out SqliteArticleStore? store) ? store : SqliteArticleStore.Open(path, CacheMebibytes));
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out SqliteArticleStore? store))
        {
            store.Dispose();
        }

        _slots.Dispose();
    }

    private void Return(SqliteArticleStore store)
    {
        _idle.Add(store);
        _slots.Release();
    }

    /// <summary>A borrowed store; disposing gives it back.</summary>
    internal sealed class Lease(StorePool pool, SqliteArticleStore store) : IDisposable
    {
        private bool _returned;

        public SqliteArticleStore Store => store;

        public void Dispose()
        {
            if (!_returned)
            {
                _returned = true;
                pool.Return(store);
            }
        }
    }
}
