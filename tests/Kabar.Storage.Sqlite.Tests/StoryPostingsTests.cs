using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite.Tests;

/// <summary><see cref="StoryPostings"/> must answer exactly what the <c>story_postings</c> table would: the reference
/// here is that table and a query that asks it for each key's most recent postings in the window, and then for the days
/// of the stories that share the most keys.</summary>
public sealed class StoryPostingsTests
{
    private const int Window = 14, Reach = 4, PerKey = 3, Limit = 5;

    [Fact]
    public void Find_AnswersWhatTheTableWould_ThroughSavesSweepsAndKeysReadLate()
    {
        using var table = new SqliteConnection("Data Source=:memory:");
        table.Open();
        Execute(table, "CREATE TABLE story_postings (key INTEGER NOT NULL, saved_by INTEGER NOT NULL, story INTEGER NOT NULL, first_day INTEGER, last_day INTEGER, PRIMARY KEY (key, saved_by)) WITHOUT ROWID");
        var random = new Random(7);
        var postings = new StoryPostings((key, before, count) => Rows(table, key, before, count), sweepAtLeast: 50);
        var start = new DateOnly(2025, 1, 1);
        int compared = 0;
        for (int save = 0; save < 3000; save++)
        {
            // Few keys and stories, so lists are long, most postings go stale, and the per-key cut-off matters. Ids
            // small, large, and past those StoryPostings keeps a bit for.
            long n = random.Next(1, 200);
            long story = (n % 3) switch { 0 => n, 1 => n * 4_099, _ => (1L << 40) + n };
            long[] keys = [.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => (long)random.Next(1, 40) * 1_000_003).Distinct()];
            (DateOnly? first, DateOnly? last) = random.Next(10) == 0 ? (null, null) : Days(start.AddDays(random.Next(120)), random.Next(5));
            Execute(table, $"DELETE FROM story_postings WHERE story = {story}");
            foreach (long key in keys)
            {
                Execute(table, $"INSERT INTO story_postings VALUES ({key}, {save}, {story}, {Number(first)}, {Number(last)})");
            }

            postings.Save(story, first, last, keys);
            if (save % 25 == 0)
            {
                compared += Compare(postings, table, random, start);
            }
        }

        compared += Compare(new StoryPostings((key, before, count) => Rows(table, key, before, count)), table, random, start);
        Assert.True(compared > 1000, $"only {compared} look-ups found stories");
    }

    private static List<StoryPostingRow> Rows(SqliteConnection table, long key, long before, int count)
    {
        using SqliteCommand command = table.CreateCommand();
        command.CommandText = $"SELECT story, saved_by, first_day, last_day FROM story_postings WHERE key = {key} AND saved_by < {before} ORDER BY saved_by DESC LIMIT {count}";
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<StoryPostingRow>();
        while (reader.Read())
        {
            rows.Add(new StoryPostingRow(reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetInt32(3)));
        }

        return rows;
    }

    // Random look-ups, dated and not; returns how many found something.
    private static int Compare(StoryPostings postings, SqliteConnection table, Random random, DateOnly start)
    {
        int found = 0;
        for (int q = 0; q < 20; q++)
        {
            long[] keys = [.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => (long)random.Next(1, 45) * 1_000_003)];
            DateOnly? day = random.Next(8) == 0 ? null : start.AddDays(random.Next(-20, 140));
            List<long> expected = FromTable(table, keys, day);
            Assert.Equal(expected, postings.Find(keys, day, Window, Reach, PerKey, Limit));
            found += expected.Count > 0 ? 1 : 0;
        }

        return found;
    }

    // Per key the PerKey most recently saved rows in the window (undated rows span all days); of the Limit stories
    // counted most, those in reach.
    private static List<long> FromTable(SqliteConnection table, long[] keys, DateOnly? day)
    {
        var shared = new Dictionary<long, int>();
        foreach (long key in keys)
        {
            using SqliteCommand command = table.CreateCommand();
            command.CommandText = day is { } d
                ? $"SELECT story FROM story_postings WHERE key = {key} AND coalesce(last_day >= {d.AddDays(-Window).DayNumber} AND first_day <= {d.AddDays(Window).DayNumber}, 1) ORDER BY saved_by DESC LIMIT {PerKey}"
                : $"SELECT story FROM story_postings WHERE key = {key} ORDER BY saved_by DESC LIMIT {PerKey}";
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                shared[reader.GetInt64(0)] = shared.GetValueOrDefault(reader.GetInt64(0)) + 1;
            }
        }

        return [.. shared.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(Limit).Select(s => s.Key).Where(story => InReach(table, story, day))];
    }

    private static bool InReach(SqliteConnection table, long story, DateOnly? day)
    {
        using SqliteCommand command = table.CreateCommand();
        command.CommandText = day is { } d
            ? $"SELECT coalesce(last_day >= {d.AddDays(-Reach).DayNumber} AND first_day <= {d.AddDays(Reach).DayNumber}, 1) FROM story_postings WHERE story = {story} LIMIT 1"
            : "SELECT 1";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    private static (DateOnly?, DateOnly?) Days(DateOnly first, int length) => (first, first.AddDays(length));

    private static string Number(DateOnly? day) => day?.DayNumber.ToString(CultureInfo.InvariantCulture) ?? "NULL";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
