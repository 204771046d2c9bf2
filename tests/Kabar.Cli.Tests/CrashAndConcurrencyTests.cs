using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Kabar.Evaluation;
using Microsoft.Data.Sqlite;

namespace Kabar.Cli.Tests;

/// <summary>
/// Real kabar processes: one killed with SIGKILL in the middle of an ingest and run again, two ingesting into one
/// database at once. The database must end as if nothing had happened.
/// </summary>
public sealed class CrashAndConcurrencyTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string WriteCorpus(string name, int count, int seed) => _dir.File(name, string.Concat(SyntheticCorpus.Create(count, seed).Select(a =>
        JsonSerializer.Serialize(new { id = $"{seed}-{a.Id}", text = a.Text, published = a.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }) + "\n")));

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kabar.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    private static (int Exit, string Out, string Err) Finish(Process process)
    {
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    // What an ingest decided, article by article: ingest key, duplicate links, cluster and story.
    private static List<string> Decisions(string db)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT id, ingest_key, duplicate_of, near_of, cluster, story_id FROM articles ORDER BY id";
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, 6).Select(i => reader.IsDBNull(i) ? "-" : reader.GetValue(i).ToString())));
        }

        return rows;
    }

    // Articles committed so far; 0 while the process is still creating the database.
    private static long Articles(string db)
    {
        try
        {
            return File.Exists(db) ? Decisions(db).Count : 0;
        }
        catch (SqliteException)
        {
            return 0;
        }
    }

    [Fact]
    public void Ingest_KilledMidwayAndRunAgain_EndsExactlyLikeAnUninterruptedRun()
    {
        // Enough that the first batches (1 s each) commit well before the last: on a fast machine 1,500 were all
        // committed by the time the kill came.
        const int Inputs = 4000;
        string corpus = WriteCorpus("corpus.jsonl", Inputs, 11);
        string clean = Path.Combine(_dir.Path, "clean.db"), killed = Path.Combine(_dir.Path, "killed.db");
        Assert.Equal(0, Finish(Start("ingest", corpus, "--db", clean)).Exit);

        using (Process victim = Start("ingest", corpus, "--db", killed, "--batch-seconds", "1"))
        {
            // Wait for some batches to be committed, then kill -9 with work in flight.
            var waited = Stopwatch.StartNew();
            while (Articles(killed) < 200 && !victim.HasExited && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(50);
            }

            Assert.False(victim.HasExited, "the ingest finished before it could be killed; give it more input");
            victim.Kill(entireProcessTree: true);
            victim.WaitForExit();
        }

        long survived = Articles(killed);
        Assert.InRange(survived, 200, Inputs - 1);
        (int exit, string output, _) = Finish(Start("ingest", corpus, "--db", killed));
        Assert.Equal(0, exit);
        Assert.Contains($"{survived} already stored", output, StringComparison.Ordinal);
        Assert.Equal(Decisions(clean), Decisions(killed));
    }

    [Fact]
    public void Ingest_TwoProcessesIntoOneNewDatabase_BothFinishAndNothingIsLost()
    {
        string first = WriteCorpus("first.jsonl", 400, 21), second = WriteCorpus("second.jsonl", 400, 22);
        string db = Path.Combine(_dir.Path, "shared.db");
        using Process a = Start("ingest", first, "--db", db), b = Start("ingest", second, "--db", db);
        (int exitA, _, string errorA) = Finish(a);
        (int exitB, _, string errorB) = Finish(b);
        Assert.True(exitA == 0, errorA);
        Assert.True(exitB == 0, errorB);
        Assert.Equal(800, Articles(db));
        Assert.Contains("articles: 800", Finish(Start("stats", "--db", db)).Out, StringComparison.Ordinal);
    }
}
