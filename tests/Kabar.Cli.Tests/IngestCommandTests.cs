using System.Text.RegularExpressions;
using Kabar.Testing;
using Kabar.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Kabar.Cli.Tests;

public sealed class IngestCommandTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Db => Path.Combine(_dir.Path, "kabar.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private const string Story = "Warga mengungsi ke balai desa setelah banjir merendam ratusan rumah di tepi sungai.";

    [Fact]
    public void Ingest_SampleFolderTwice_SecondRunAddsNothing()
    {
        (int exit, string output, string error) = CliRunner.Run("ingest", RepoPaths.Samples, "--db", Db);
        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.StartsWith("ingested 6 articles", output);
        // banjir-02-copy.txt is the near-verbatim copy of banjir-01-wire.txt.
        Assert.Contains("5 new, 0 exact duplicates, 1 near duplicates, 0 already stored, 0 rejected, 0 input problems", output);
        Assert.Contains("6 already stored", CliRunner.Run("ingest", RepoPaths.Samples, "--db", Db).Out);
        Assert.Contains("articles: 6", CliRunner.Run("stats", "--db", Db).Out);
    }

    // Band keys of another signature format (here: a store whose format setting names an older one) are made again,
    // once, and the user is told why the ingest started slowly; copies of the articles stored before are still found.
    [Fact]
    public void Ingest_StoreWithOldSignatureFormat_RebuildsItsKeysOnceAndSaysSo()
    {
        Assert.Equal(ExitCodes.Success, CliRunner.Run("ingest", Path.Combine(RepoPaths.Samples, "banjir-01-wire.txt"), "--db", Db).Exit);
        using (var connection = new SqliteConnection($"Data Source={Db};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "UPDATE settings SET value = 'k-permutations-128' WHERE name = 'signature_format'; DELETE FROM lsh_keys; DELETE FROM lsh_keys_recent";
            Assert.InRange(command.ExecuteNonQuery(), 1 + 32 + 1, 1 + 32 + 30);  // the setting, 32 band keys, the fingerprints
        }

        (int exit, string output, string error) = CliRunner.Run("ingest", RepoPaths.Samples, "--db", Db);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Matches($"^kabar: {Regex.Escape(Db)}: making the near-duplicate keys of the stored articles again from their story words "
            + $@"\(new key format: {Regex.Escape(Kabar.Storage.Ingester.KeyFormat)}\)\nkabar: {Regex.Escape(Db)}: made the near-duplicate keys of 1 stored articles again in \d+\.\d s\n$", error);
        Assert.Contains("4 new, 0 exact duplicates, 1 near duplicates, 1 already stored", output);
        Assert.Equal("", CliRunner.Run("ingest", RepoPaths.Samples, "--db", Db).Err);
    }

    [Fact]
    public void Ingest_JsonlWithBadLines_ReportsFileAndLineAndStoresTheRest()
    {
        string jsonl = _dir.File("feed.jsonl",
            "{\"id\": \"a1\", \"text\": \"" + Story + "\", \"outlet\": \"Harian\", \"section\": \"daerah\"}\n" +
            "{\"id\": \"a2\", \"text\": \"unterminated\n" +
            "[1, 2, 3]\n" +
            "{\"id\": \"a4\", \"title\": \"no text\"}\n" +
            "\n" +
            "{\"id\": \"a6\", \"text\": \"" + Story + "\"}\n");
        (int exit, string output, string error) = CliRunner.Run("ingest", jsonl, "--db", Db);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("ingested 2 articles", output);
        Assert.Contains("1 new, 1 exact duplicates", output);
        Assert.Contains("3 input problems", output);
        string[] lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"kabar: {jsonl}:2: malformed JSON", lines[0]);
        Assert.Equal($"kabar: {jsonl}:3: not a JSON object", lines[1]);
        Assert.Equal($"kabar: {jsonl}:4: no \"text\" or \"html\" string", lines[2]);

        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT outlet, extra_json, external_id FROM articles ORDER BY id LIMIT 1";
        using SqliteDataReader reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(("Harian", "{\"section\":\"daerah\"}", "a1"), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }

    [Fact]
    public void Ingest_StandardInput_TakesJsonlOrOneArticle()
    {
        Assert.Contains("2 new", CliRunner.RunWithInput(
            "{\"text\": \"" + Story + "\"}\n{\"text\": \"Harga beras naik di pasar induk pekan ini.\"}\n", "ingest", "-", "--db", Db).Out);
        Assert.Contains("1 exact duplicates", CliRunner.RunWithInput("\n" + Story + "\n", "ingest", "-", "--db", Db).Out);
    }

    [Fact]
    public void Ingest_BadFileAmongGoodOnes_IsRejectedWithItsReasonAndTheRestStored()
    {
        _dir.File("in/good.txt", Story);
        File.WriteAllBytes(_dir.File("in/bad.txt"), [0x41, 0x00, 0x42]);
        _dir.File("in/notes.md", "ignored: not an article type");
        (int exit, string output, string error) = CliRunner.Run("ingest", Path.Combine(_dir.Path, "in"), Path.Combine(_dir.Path, "missing"), "--db", Db);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("1 new", output);
        Assert.Contains("1 (binary 1) rejected, 1 input problems", output);
        Assert.Contains($"kabar: {Path.Combine(_dir.Path, "in", "bad.txt")}: binary: NUL byte at offset 1", error);
        Assert.Contains($"kabar: {Path.Combine(_dir.Path, "missing")}: no such file or directory", error);
        Assert.Contains("binary: 1", CliRunner.Run("stats", "--db", Db).Out);
    }

    [Fact]
    public void Dups_ShowsTheClusterLedByTheEarliestArticle()
    {
        string again = _dir.File("wire-again.txt", File.ReadAllText(RepoPaths.Sample("banjir-01-wire.txt")) + "\nADVERTISEMENT\n");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("ingest", RepoPaths.Samples, again, "--db", Db).Exit);
        (int exit, string output, _) = CliRunner.Run("dups", "--db", Db);
        Assert.Equal(ExitCodes.Success, exit);
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal("cluster 1 (3 articles)", lines[0]);
        Assert.Matches(@"^  #1 original .*banjir-01-wire\.txt$", lines[1]);
        Assert.Matches(@"^  #2 near copy 0\.\d\d .*banjir-02-copy\.txt$", lines[2]);
        Assert.Matches(@"^  #7 exact copy .*wire-again\.txt$", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public void Dups_EmptyStoreAndBadLimit()
    {
        SqliteArticleStore.Open(Db).Dispose();  // an empty store
        Assert.Equal("no duplicate clusters\n", CliRunner.Run("dups", "--db", Db).Out);
        (int exit, _, string error) = CliRunner.Run("dups", "--db", Db, "--limit", "0");
        Assert.Equal((ExitCodes.Usage, "kabar: --limit must be at least 1, not 0\n"), (exit, error));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("3601")]
    public void Ingest_BatchSecondsOutOfRange_IsAUsageError(string seconds)
    {
        (int exit, string output, string error) = CliRunner.Run("ingest", "missing.txt", "--db", Db, "--batch-seconds", seconds);
        Assert.Equal((ExitCodes.Usage, "", $"kabar: --batch-seconds must be more than 0 and at most 3600, not {seconds}\n"), (exit, output, error));
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void Ingest_NothingUsable_FailsTheJob()
    {
        (int exit, _, string error) = CliRunner.Run("ingest", Path.Combine(_dir.Path, "nothing-here"), "--db", Db);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no such file or directory", error);
    }

    [Fact]
    public void Ingest_DatabaseThatIsNotADatabase_OneLineError()
    {
        string notDb = _dir.File("notes.db", "plain text, long enough to look like something other than an empty database file");
        (int exit, _, string error) = CliRunner.Run("ingest", RepoPaths.Samples, "--db", notDb);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith($"kabar: {notDb}: cannot open the database", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }
}
