using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Web.Html;

namespace Kabar.Cli;

/// <summary>The <c>--db</c> option shared by commands that use the store, and opening it with a one-line error.</summary>
internal static class DatabaseOption
{
    public static Option<string> Create() => new("--db")
    {
        Description = "The SQLite database file (default: $KABAR_DB, else kabar.db in the current folder).",
        DefaultValueFactory = _ => SqliteArticleStore.DefaultPath,
    };

    /// <summary>
    /// Runs <paramref name="action"/> on the opened store; a database that cannot be opened, or holds data that cannot be
    /// read back (<see cref="StoreException"/>), is one line and exit 3, and
    /// the upgrade of one of an older schema is a line before and one after.
    /// Only a writer (<paramref name="create"/>) makes a new database, with its folder; a reader given a path where
    /// none exists says so instead of showing an empty one.
    /// </summary>
    public static int WithStore(string path, TextWriter error, Func<SqliteArticleStore, int> action, bool create = false)
    {
        SqliteArticleStore store;
        try
        {
            if (!create && !File.Exists(path))
            {
                error.WriteLine($"kabar: {path}: no such database; store articles in it with kabar ingest first");
                return ExitCodes.BadInput;
            }

            if (create && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }

            long upgradeStarted = 0;
            store = SqliteArticleStore.Open(path, upgrading: (from, to) =>
            {
                upgradeStarted = Stopwatch.GetTimestamp();
                error.WriteLine($"kabar: {path}: upgrading the database from schema version {from} to {to}");
            });
            if (upgradeStarted != 0)
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"kabar: {path}: upgraded the database in {Stopwatch.GetElapsedTime(upgradeStarted).TotalSeconds:0.0} s"));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"kabar: {path}: cannot create the database's folder: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (StoreException e)
        {
            error.WriteLine($"kabar: {e.Message}");
            return ExitCodes.BadInput;
        }

        using (store)
        {
            try
            {
                return action(store);
            }
            catch (StoreException e)
            {
                // Something the database holds cannot be read as Kabar wrote it: it was damaged, not a bug in Kabar.
                error.WriteLine($"kabar: {path}: {e.Message}");
                return ExitCodes.BadInput;
            }
        }
    }

    /// <summary>The ingester of a writer command; says so when opening the store makes its near-duplicate keys again,
    /// before (it reads every stored article) and after.</summary>
    public static Ingester Ingester(SqliteArticleStore store, string path, TextWriter error)
    {
        if (KeysAreOld(store))
        {
            error.WriteLine($"kabar: {path}: making the near-duplicate keys of the stored articles again from their story words (new key format: {Kabar.Storage.Ingester.KeyFormat})");
        }

        long started = Stopwatch.GetTimestamp();
        var ingester = new Ingester(NewsPipeline.Default, store, pages: HtmlPages.Default);
        if (ingester.RebuiltKeys > 0)
        {
            error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"kabar: {path}: made the near-duplicate keys of {ingester.RebuiltKeys:N0} stored articles again in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s"));
        }

        return ingester;
    }

    /// <summary>For a server: makes the near-duplicate keys again now, saying so, when the store's are of an older
    /// format, rather than in its first ingest request, which would wait for it in silence (minutes at a million articles).</summary>
    public static void MakeOldKeysAgain(SqliteArticleStore store, string path, TextWriter error)
    {
        if (KeysAreOld(store))
        {
            Ingester(store, path, error);
        }
    }

    private static bool KeysAreOld(SqliteArticleStore store) => store.LastId() > 0 && store.KeyFormat() != Kabar.Storage.Ingester.KeyFormat;
}
