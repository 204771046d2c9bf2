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

    public static SqliteArticleStore? Open(string path, TextWriter error)
    {
        try
        {
            return SqliteArticleStore.Open(path);
        }
        catch (StoreException e)
        {
            error.WriteLine($"kabar: {e.Message}");
            return null;
        }
    }
}
