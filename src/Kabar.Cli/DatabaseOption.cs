using System.CommandLine;
using Kabar.Storage.Sqlite;

namespace Kabar.Cli;

/// <summary>The <c>--db</c> option shared by commands that use the store, and opening it with a one-line error.</summary>
internal static class DatabaseOption
{
    public static Option<string> Create() => new("--db")
    {
        Description = "The SQLite database file (default: $KABAR_DB, else kabar.db in the current folder).",
        DefaultValueFactory = _ => SqliteArticleStore.DefaultPath,
    };

    /// <summary>Runs <paramref name="action"/> on the opened store; a database that cannot be opened is one line and exit 3.</summary>
    public static int WithStore(string path, TextWriter error, Func<SqliteArticleStore, int> action)
    {
        SqliteArticleStore store;
        try
        {
            store = SqliteArticleStore.Open(path);
        }
        catch (StoreException e)
        {
            error.WriteLine($"kabar: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (store)
        {
            return action(store);
        }
    }
}
