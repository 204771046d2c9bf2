using System.Text.Json;
using System.Text.RegularExpressions;
using Kabar.Ingest;
using Kabar.Testing;
using Microsoft.Data.Sqlite;

namespace Kabar.Cli.Tests;

/// <summary>stories, story and export over the bundled samples: two Indonesian stories and one English wire.</summary>
public sealed class StoryCommandsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public StoryCommandsTests()
    {
        (int exit, string output, _) = CliRunner.Run("ingest", RepoPaths.Samples, "--db", Db);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.EndsWith("3 stories created, 0 updated\n", output);
    }

    private string Db => Path.Combine(_dir.Path, "kabar.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public void Stories_ListsNewestFirstWithOutlets()
    {
        (int exit, string output, string error) = CliRunner.Run("stories", "--db", Db);
        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        string[] lines = output.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^#5 +2 articles +2 outlets +2025-03-04 +Pelabuhan Meridia Kembali Beroperasi", lines[0]);
        Assert.Matches(@"^#1 +3 articles +3 outlets +2025-03-03 +Banjir Rendam Ribuan Rumah di Lembah Hijau", lines[2]);
        Assert.Equal("        Antara, HARIANPAGI.id, KABARKOTA.com", lines[3]);
        Assert.Matches(@"^#4 +1 article +1 outlet +undated", lines[4]);
    }

    [Fact]
    public void IngestWithStories_ListsTheStoriesOfItsInputs_AlsoWhenAlreadyStored()
    {
        (int exit, string output, _) = CliRunner.Run("ingest", RepoPaths.Samples, "--db", Db, "--stories");
        Assert.Equal(ExitCodes.Success, exit);
        string[] parts = output.Split("\n\n");
        Assert.Contains("0 new", parts[0]);
        Assert.Contains("6 already stored", parts[0]);
        Assert.Equal(CliRunner.Run("stories", "--db", Db).Out, parts[1]);
    }

    // An upgrade rewrites tables (half a minute at a million articles), so it is said before and after, once.
    [Fact]
    public void Stories_OnADatabaseOfAnOlderSchema_UpgradeItSayingSo_AndListTheSame()
    {
        string before = CliRunner.Run("stories", "--db", Db).Out;
        RawDatabase.Execute(Db, OlderSchemas.Version7);

        (int exit, string output, string error) = CliRunner.Run("stories", "--db", Db);
        Assert.Equal((ExitCodes.Success, before), (exit, output));
        string[] lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches($@"^kabar: {Regex.Escape(Db)}: upgrading the database from schema version 7 to \d+$", lines[0]);
        Assert.Matches($@"^kabar: {Regex.Escape(Db)}: upgraded the database in \d+\.\d s$", lines[1]);
        Assert.Equal((ExitCodes.Success, before, ""), CliRunner.Run("stories", "--db", Db));
    }

    [Fact]
    public void ReadCommands_OnAMissingDatabase_SayAndCreateNothing()
    {
        string missing = Path.Combine(_dir.Path, "none.db");
        foreach (string[] command in new[] { ["stories"], ["story", "1"], ["dups"], ["stats"], new[] { "export", "--format", "jsonl" } })
        {
            (int exit, string output, string error) = CliRunner.Run([.. command, "--db", missing]);
            Assert.Equal((ExitCodes.BadInput, "", $"kabar: {missing}: no such database; store articles in it with kabar ingest first\n"), (exit, output, error));
        }

        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Ingest_CreatesTheDatabaseFolder()
    {
        string nested = Path.Combine(_dir.Path, "out", "sub", "kabar.db");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("ingest", RepoPaths.Samples, "--db", nested).Exit);
        Assert.StartsWith("#5 ", CliRunner.Run("stories", "--db", nested).Out);
    }

    [Fact]
    public void Stories_Filters()
    {
        Assert.StartsWith("#1 ", CliRunner.Run("stories", "--db", Db, "--outlet", "kabarkota.com").Out);
        Assert.Equal("no stories\n", CliRunner.Run("stories", "--db", Db, "--since", "2025-03-05").Out);
        Assert.DoesNotContain("#4", CliRunner.Run("stories", "--db", Db, "--min-size", "2").Out);
        (int exit, _, string error) = CliRunner.Run("stories", "--db", Db, "--since", "3 Maret");
        Assert.Equal((ExitCodes.Usage, "kabar: --since '3 Maret' is not a day like 2025-03-31\n"), (exit, error));
    }

    [Fact]
    public void Story_ShowsRolesAndWhyEachArticleJoined()
    {
        (int exit, string output, _) = CliRunner.Run("story", "1", "--db", Db);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("3 articles from 3 outlets, 2025-03-03", output);
        Assert.Matches(@"#1 +2025-03-03 +Antara +first published", output);
        Assert.Matches(@"#2 +2025-03-03 +HARIANPAGI\.id +near copy of #1 \(0\.\d\d\)", output);
        Assert.Matches(@"#3 +2025-03-03 +KABARKOTA\.com +rewrite of #1 \(\d+% of its text aligned\)", output);
        Assert.Matches(@"joined: score 0\.\d\d = cosine .*shared: .*banjir", output);
    }

    [Fact]
    public void Story_Json_HasEveryMembersRole()
    {
        using JsonDocument doc = JsonDocument.Parse(CliRunner.Run("story", "1", "--db", Db, "--json").Out);
        Assert.Equal(["FirstPublished", "NearCopy", "Rewrite"],
            doc.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("role").GetString()));
    }

    [Fact]
    public void Story_CompareTwoMembers_PrintsTheCompareReport()
    {
        (int exit, string output, _) = CliRunner.Run("story", "5", "--db", Db, "--compare", "5", "6");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("Verdict:", output);
        Assert.Contains("pelabuhan-03-mesin.txt", output);
        Assert.Equal((ExitCodes.Usage, "kabar: article #1 is not in this story\n"),
            (CliRunner.Run("story", "5", "--db", Db, "--compare", "5", "1").Exit, CliRunner.Run("story", "5", "--db", Db, "--compare", "5", "1").Err));
    }

    [Fact]
    public void Story_Unknown_OneLineError()
    {
        (int exit, _, string error) = CliRunner.Run("story", "99", "--db", Db);
        Assert.Equal((ExitCodes.BadInput, "kabar: no story #99; 'kabar stories' lists them\n"), (exit, error));
    }

    // Raw bytes damaged on disk: the command that reads them says which article and why, in one line, and fails as on
    // bad input; a command that does not read them still works.
    [Fact]
    public void Story_WithAMembersRawBytesDamaged_SaysWhichArticle()
    {
        RawDatabase.Execute(Db, "UPDATE articles SET raw = substr(raw, 1, length(raw) - 8) WHERE id = 1");

        (int exit, string output, string error) = CliRunner.Run("story", "1", "--db", Db);
        Assert.Equal((ExitCodes.BadInput, ""), (exit, output));
        Assert.Matches($@"^kabar: {Regex.Escape(Db)}: article 1: its raw bytes are damaged in the database: packed bytes whose Brotli stream does not give the \d+ bytes they claim\n$", error);
        Assert.Equal(ExitCodes.Success, CliRunner.Run("stories", "--db", Db).Exit);
    }

    [Fact]
    public void Export_Csv_ReadsBackWithClusterAndStoryIds()
    {
        string path = Path.Combine(_dir.Path, "out.csv");
        (int exit, string output, _) = CliRunner.Run("export", "--db", Db, "--format", "csv", "--output", path);
        Assert.Equal((ExitCodes.Success, $"exported 6 articles to {path}\n"), (exit, output));
        using var reader = new StreamReader(path);
        List<string[]> rows = [.. CsvReader.Read(reader).Select(r => r.Fields)];
        Assert.Equal(7, rows.Count);
        int cluster = Array.IndexOf(rows[0], "duplicate_cluster"), story = Array.IndexOf(rows[0], "story"), text = Array.IndexOf(rows[0], "text");
        Assert.Equal(["1", "1", "3", "4", "5", "6"], rows.Skip(1).Select(r => r[cluster]));
        Assert.Equal(["1", "1", "1", "4", "5", "5"], rows.Skip(1).Select(r => r[story]));
        Assert.Contains("\n", rows[1][text], StringComparison.Ordinal);
    }

    [Fact]
    public void Export_Jsonl_OneObjectPerArticle()
    {
        string[] lines = CliRunner.Run("export", "--db", Db, "--format", "jsonl").Out.TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        using JsonDocument second = JsonDocument.Parse(lines[1]);
        Assert.Equal((2, 1, 1, "near"), (second.RootElement.GetProperty("id").GetInt32(), second.RootElement.GetProperty("near_of").GetInt32(),
            second.RootElement.GetProperty("story").GetInt32(), second.RootElement.GetProperty("near_kind").GetString()));
    }

    [Fact]
    public void Export_UnknownFormat_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("export", "--db", Db, "--format", "xml").Exit);
    }
}
