using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite;

/// <summary>
/// Copies a writer's WAL back into the database file from a connection of its own, once a second, so the copying and
/// its fsync overlap the writer's work instead of running inside its commits (SQLite checkpoints in the commit that
/// takes the WAL past 1,000 pages; with batches of 2,000 articles that was every commit). Passive checkpoints never
/// block the writer or readers. The writer's own checkpoint stays on, raised to <see cref="BackstopPages"/>, so the
/// WAL cannot grow without bound if this one falls behind.
/// </summary>
internal sealed class BackgroundCheckpoints : IDisposable
{
    /// <summary>The writer's automatic checkpoint while this runs: 256 MiB of WAL at 4 KiB pages.</summary>
    public const int BackstopPages = 65_536;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private BackgroundCheckpoints(string connectionString) => _loop = Task.Run(() => Run(connectionString, _stop.Token));

    /// <summary>Starts checkpointing the database the open <paramref name="writer"/> writes to.</summary>
    public static BackgroundCheckpoints Start(SqliteConnection writer)
    {
        using (SqliteCommand command = writer.CreateCommand())
        {
            command.CommandText = $"PRAGMA wal_autocheckpoint = {BackstopPages}";
            command.ExecuteNonQuery();
        }

        // A checkpoint that finds the WAL locked gives up within a second instead of the writer's 30 s busy timeout.
        return new BackgroundCheckpoints(new SqliteConnectionStringBuilder(writer.ConnectionString) { DefaultTimeout = 1 }.ToString());
    }

    private static async Task Run(string connectionString, CancellationToken stop)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using SqliteCommand checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            // A checkpoint that finds the database busy does less or nothing; the next one carries on.
            try
            {
                checkpoint.ExecuteNonQuery();
            }
            catch (SqliteException e) when (e.SqliteErrorCode is SQLitePCL.raw.SQLITE_BUSY or SQLitePCL.raw.SQLITE_LOCKED)
            {
            }
        }
    }

    /// <summary>Stops checkpointing; the writer's connection checkpoints what is left when it closes.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait();
        }
        catch (AggregateException e) when (e.InnerException is SqliteException)
        {
            // A checkpoint that failed (the disk, say) loses nothing: the WAL still holds every committed page.
        }

        _stop.Dispose();
    }
}
