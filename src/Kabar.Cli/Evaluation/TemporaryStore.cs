using Microsoft.Data.Sqlite;

namespace Kabar.Cli.Evaluation;

/// <summary>A store file in the temp folder for one evaluation run, deleted with its WAL files afterwards.</summary>
internal static class TemporaryStore
{
    public static T Run<T>(string name, Func<string, T> evaluate)
    {
        string db = Path.Combine(Path.GetTempPath(), $"kabar-eval-{name}-{Environment.ProcessId}.db");
        try
        {
            return evaluate(db);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (string file in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
