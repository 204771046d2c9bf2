using System.Text;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Stories;
using Kabar.Testing;
using Microsoft.Data.Sqlite;
using static Kabar.Testing.StoryTexts;

namespace Kabar.Storage.Sqlite.Tests;

public sealed class StoryGroupingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kabar-stories-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string DbPath => Path.Combine(_dir, "kabar.db");

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static ArticleSource Source(string origin, string day, string outlet) => new(origin, Outlet: outlet, Published: day);

    private static List<IngestResult> IngestThree(Ingester ingester) =>
    [
        ingester.Ingest(Source("a.txt", "2025-03-03", "Kabar Sukamaju"), Bytes(FloodA)),
        ingester.Ingest(Source("s.txt", "2025-03-04", "Warta Pelabuhan"), Bytes(Strike)),
        ingester.Ingest(Source("b.txt", "2025-03-04", "Harian Timur"), Bytes(FloodB)),
    ];

    [Fact]
    public void Ingest_GroupsReportsOfOneEventAndExplainsWhy()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        List<IngestResult> results = IngestThree(new Ingester(NewsPipeline.Default, store));
        Assert.Equal([1L, 2L, 1L], results.Select(r => r.Story!.Value));
        Assert.Equal([true, true, false], results.Select(r => r.StartedStory));

        StorySummary flood = store.Story(1)!;
        Assert.Equal((2, new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 4)), (flood.Size, flood.FirstDay, flood.LastDay));
        Assert.Equal("Banjir Rendam Tujuh Desa di Kabupaten Sukamaju", flood.Title);
        Assert.Equal(["Harian Timur", "Kabar Sukamaju"], flood.Outlets);
        StoryMember joined = store.StoryMembers(1).Single(m => m.Id == 3);
        Assert.InRange(joined.Score!.Value, 0.25, 1);
        Assert.Matches(@"^score 0\.\d\d = cosine 0\.\d\d × time 0\.\d\d \(1 days apart\); shared: .*cikaret", joined.Reason);
        Assert.Equal("started the story", store.StoryMembers(1).Single(m => m.Id == 1).Reason);
    }

    [Fact]
    public void FindStories_SeesAStoryWhileItsLatestDayIsInTheWindow_AndUndatedStoriesAlways()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        IngestThree(ingester);  // the flood (story 1) runs 03-03 to 03-04
        IngestResult undated = ingester.Ingest(new ArticleSource("undated.txt", Outlet: "Kabar Sukamaju"), Bytes(Match));
        Assert.True(undated.StartedStory);
        long[] floodKeys = Keys(1), strikeKeys = Keys(2);

        IReadOnlyList<long> Found(long[] keys, DateOnly? day) => [.. store.FindStories(keys, day, 14, 14, 16).Select(s => s.Id!.Value)];
        Assert.Contains(1L, Found(floodKeys, new DateOnly(2025, 3, 18)));  // 14 days after the story's last day
        Assert.DoesNotContain(1L, Found(floodKeys, new DateOnly(2025, 3, 19)));
        Assert.DoesNotContain(1L, Found(floodKeys, new DateOnly(2025, 2, 16)));
        Assert.Contains(1L, Found(floodKeys, null));
        Assert.Contains(undated.Story!.Value, Found(Keys(undated.Story!.Value), new DateOnly(2031, 1, 1)));
        Assert.Contains(2L, Found(strikeKeys, new DateOnly(2025, 3, 10)));
    }

    [Fact]
    public void FindStories_SeesStoriesAnotherProcessWrote_AndNotThoseOfABatchRolledBack()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        IngestThree(ingester);
        Assert.NotEmpty(store.FindStories(Keys(1), new DateOnly(2025, 3, 4), 14, 14, 16));  // the story index is in memory now

        using (SqliteArticleStore other = SqliteArticleStore.Open(DbPath))
        {
            long match = new Ingester(NewsPipeline.Default, other).Ingest(Source("m.txt", "2025-03-05", "Kabar Sukamaju"), Bytes(Match)).Story!.Value;
            Assert.Contains(match, store.FindStories(Keys(match), new DateOnly(2025, 3, 5), 14, 14, 16).Select(s => s.Id!.Value));
        }

        long[] flood = Keys(1);
        using (store.BeginBatch())
        {
            // An exact copy joins the flood story (03-03 to 03-04) and stretches it to 03-30, until the batch is rolled back:
            // the story index and the recent postings in memory must forget that save with the table.
            ingester.Ingest(Source("copy.txt", "2025-03-30", "Portal Lain"), Bytes(FloodB + "\nBaca juga: Harga cabai naik\n"));
            Assert.Contains(1L, store.FindStories(flood, new DateOnly(2025, 4, 10), 14, 14, 16).Select(s => s.Id!.Value));
        }

        Assert.DoesNotContain(1L, store.FindStories(flood, new DateOnly(2025, 4, 10), 14, 14, 16).Select(s => s.Id!.Value));
    }

    // FindStories gives each story as the table has it after a save here, a save by another process, and a batch
    // rolled back; a cache of decoded states that missed any of the three would fail this.
    [Fact]
    public void FindStories_GivesEachStoryAsTheTableHasItNow()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        IngestThree(ingester);
        long[] flood = Keys(1);
        StoryState Flood() => store.FindStories(flood, new DateOnly(2025, 3, 10), 14, 14, 16).Single(s => s.Id == 1);
        int size = Flood().Size;

        // Exact copies of the flood report (the "Baca juga" line is boilerplate) join its story and stretch it.
        IngestResult Copy(Ingester into, string origin, string day) =>
            into.Ingest(Source(origin, day, "Portal Lain"), Bytes(FloodB + "\nBaca juga: Harga cabai naik\n"));
        Assert.Equal(1L, Copy(ingester, "copy1.txt", "2025-03-06").Story);
        Assert.Equal((size + 1, new DateOnly(2025, 3, 6)), (Flood().Size, Flood().LastDay));

        using (SqliteArticleStore other = SqliteArticleStore.Open(DbPath))
        {
            Copy(new Ingester(NewsPipeline.Default, other), "copy2.txt", "2025-03-08");
        }

        Assert.Equal((size + 2, new DateOnly(2025, 3, 8)), (Flood().Size, Flood().LastDay));
        using (store.BeginBatch())
        {
            Copy(ingester, "copy3.txt", "2025-03-09");
            Assert.Equal(size + 3, Flood().Size);
        }

        Assert.Equal((size + 2, new DateOnly(2025, 3, 8)), (Flood().Size, Flood().LastDay));
    }

    private long[] Keys(long story)
    {
        long[] keys = [.. Rows($"SELECT key FROM story_postings_live WHERE story = {story}").Select(row => (long)row[0]!)];
        Assert.NotEmpty(keys);
        return keys;
    }

    [Fact]
    public void Ingest_ExactCopyJoinsItsOriginalsStory()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        IngestThree(ingester);
        IngestResult copy = ingester.Ingest(Source("copy.txt", "2025-03-20", "Portal Lain"), Bytes(FloodB + "\nBaca juga: Harga cabai naik\n"));
        Assert.Equal((IngestOutcome.ExactDuplicate, 1L, false), (copy.Outcome, copy.Story!.Value, copy.StartedStory));
        Assert.Equal("exact copy of #3", store.StoryMembers(1).Single(m => m.Id == copy.Id).Reason);
        Assert.Equal(new DateOnly(2025, 3, 20), store.Story(1)!.LastDay);
    }

    [Fact]
    public void Stories_FilterByDayAndOutletNewestFirst()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        IngestThree(new Ingester(NewsPipeline.Default, store));
        Assert.Equal([2L, 1L], store.Stories(null, null, null, 1, 10).Select(s => s.Id));  // both end on 4 March; newer id first
        Assert.Equal([1L], store.Stories(null, null, "harian timur", 1, 10).Select(s => s.Id));
        Assert.Equal([1L], store.Stories(null, null, null, 2, 10).Select(s => s.Id));
        Assert.Empty(store.Stories(new DateOnly(2025, 3, 5), null, null, 1, 10));
        Assert.Empty(store.Stories(null, new DateOnly(2025, 3, 2), null, 1, 10));
    }

    [Fact]
    public void Ingest_SameInputsInTheSameOrder_GiveTheSameStories()
    {
        List<long?> First(string name)
        {
            using SqliteArticleStore store = SqliteArticleStore.Open(Path.Combine(_dir, name));
            return [.. IngestThree(new Ingester(NewsPipeline.Default, store)).Select(r => r.Story)];
        }

        Assert.Equal(First("one.db"), First("two.db"));
    }

    [Fact]
    public void Reopen_WithoutCheckpoint_CountsTheMissingArticlesAgainExactly()
    {
        byte[] live;
        using (SqliteArticleStore store = SqliteArticleStore.Open(DbPath))
        {
            var ingester = new Ingester(NewsPipeline.Default, store);
            ingester.Ingest(Source("a.txt", "2025-03-03", "Kabar Sukamaju"), Bytes(FloodA));
            ingester.Checkpoint();
            ingester.Ingest(Source("s.txt", "2025-03-04", "Warta Pelabuhan"), Bytes(Strike));
            ingester.Ingest(Source("b.txt", "2025-03-04", "Harian Timur"), Bytes(FloodB));
            live = ingester.Statistics.ToBytes();
        }

        using SqliteArticleStore reopened = SqliteArticleStore.Open(DbPath);
        var caughtUp = new Ingester(NewsPipeline.Default, reopened);
        Assert.Equal(3, caughtUp.Statistics.Articles);
        Assert.Equal(live, caughtUp.Statistics.ToBytes());
    }

    [Fact]
    public void Open_ArticlesWithoutStories_GetThemFromTheIngester()
    {
        using (SqliteArticleStore store = SqliteArticleStore.Open(DbPath))
        {
            IngestThree(new Ingester(NewsPipeline.Default, store));
        }

        // As a database from before stories looks after its migration.
        RawDatabase.Execute(DbPath, "UPDATE articles SET story_id = NULL, story_score = NULL, story_reason = NULL; DELETE FROM story_postings; DELETE FROM story_postings_recent; DELETE FROM stories; DELETE FROM corpus_statistics");

        using SqliteArticleStore reopened = SqliteArticleStore.Open(DbPath);
        _ = new Ingester(NewsPipeline.Default, reopened);
        Assert.Equal([1L, 3L], reopened.StoryMembers(1).Select(m => m.Id));
        Assert.Equal([2L], reopened.StoryMembers(2).Select(m => m.Id));
    }

    [Fact]
    public void UpgradeFromV7_KeepsEachKeysPostingsInSaveOrder_WithTheirDays()
    {
        using (SqliteArticleStore store = SqliteArticleStore.Open(DbPath))
        {
            var ingester = new Ingester(NewsPipeline.Default, store);
            IngestThree(ingester);
            ingester.Ingest(new ArticleSource("undated.txt"), Bytes(Match));
            ingester.Ingest(Source("copy.txt", "2025-03-06", "Harian Timur"), Bytes(FloodA));  // story 1 saved a third time
        }

        const string postings = "SELECT key, saved_by, story, first_day, last_day FROM story_postings_live ORDER BY key, saved_by";
        List<object?[]> saved = Rows(postings);
        Assert.Contains(saved, row => row[3] is null);  // the undated story
        Assert.Contains(saved, row => (long)row[1]! == 5 && (long)row[2]! == 1);

        RawDatabase.Execute(DbPath, OlderSchemas.Version7);

        using (SqliteArticleStore upgraded = SqliteArticleStore.Open(DbPath))
        {
            Assert.Equal(Migrations.Latest, upgraded.SchemaVersion);
        }

        Assert.Equal(saved, Rows(postings));
        Assert.All(Rows("SELECT first_day, last_day FROM story_postings_live WHERE story = 1"),
            days => Assert.Equal([new DateOnly(2025, 3, 3).DayNumber, new DateOnly(2025, 3, 6).DayNumber], days.Select(d => Convert.ToInt32(d, System.Globalization.CultureInfo.InvariantCulture))));
    }

    // Merging the recent postings moves rows between the two tables without changing which are live: a store that merges
    // every few saves groups a corpus exactly as one that never merges, and ends with the same live index.
    [Fact]
    public void Ingest_MergingTheRecentPostingsOftenOrNever_GroupsAlike()
    {
        string often = DbPath, never = Path.Combine(_dir, "never.db");
        foreach ((string path, long mergeAt) in new[] { (often, 20L), (never, long.MaxValue) })
        {
            using SqliteArticleStore store = SqliteArticleStore.Open(path);
            store.MergePostingsAtLeast = mergeAt;
            var ingester = new Ingester(NewsPipeline.Default, store);
            foreach (Evaluation.SyntheticArticle a in Evaluation.SyntheticCorpus.Create(300, seed: 11))
            {
                ingester.Ingest(new ArticleSource($"{a.Id}.txt", Title: a.Title, Published: a.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), Bytes(a.Text));
            }
        }

        long Count(string sql, string path) => (long)Rows(sql, path)[0][0]!;
        Assert.True(Count("SELECT count(*) FROM story_postings", often) > 10 * Count("SELECT count(*) FROM story_postings_recent", often), "merged often");
        Assert.Equal(0L, Count("SELECT count(*) FROM story_postings", never));
        Assert.True(Count("SELECT count(*) FROM articles WHERE story_score IS NOT NULL", never) > 20, "articles joined stories by their scores");
        foreach (string sql in (string[])["SELECT id, story_id, story_score, story_reason FROM articles ORDER BY id",
            "SELECT * FROM stories ORDER BY id", "SELECT key, saved_by, story, first_day, last_day FROM story_postings_live ORDER BY key, saved_by"])
        {
            Assert.Equal(Rows(sql, never), Rows(sql, often));
        }

        // Opened again, each store reads every key's postings from its tables: the merged one must skip the rows its
        // recent saves superseded.
        List<long[]> Found(string path)
        {
            using SqliteArticleStore store = SqliteArticleStore.Open(path);
            return [.. Rows("SELECT id, last_day FROM stories ORDER BY id", path).Select(story => store.FindStories(
                [.. Rows($"SELECT key FROM story_postings_live WHERE story = {story[0]}", path).Select(k => (long)k[0]!)],
                DateOnly.ParseExact((string)story[1]!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), 14, 4, 16).Select(s => s.Id!.Value).ToArray())];
        }

        Assert.Equal(Found(never), Found(often));

        // Read three at a time, newest first, each key's postings are its live ones.
        using SqliteArticleStore reopened = SqliteArticleStore.Open(often);
        foreach (long key in Rows("SELECT DISTINCT key FROM story_postings_live", often).Select(k => (long)k[0]!))
        {
            var read = new List<object?[]>();
            for (long before = long.MaxValue; ;)
            {
                List<StoryPostingRow> rows = reopened.StoryKeyRows(key, before, 3);
                read.AddRange(rows.Select(r => new object?[] { r.Story, r.SavedBy, (long?)r.FirstDay, (long?)r.LastDay }));
                if (rows.Count < 3)
                {
                    break;
                }

                before = rows[^1].SavedBy;
            }

            Assert.Equal(Rows($"SELECT story, saved_by, first_day, last_day FROM story_postings_live WHERE key = {key} ORDER BY saved_by DESC", often), read);
        }
    }

    // The database on a plain connection, to read what Kabar wrote and to make what an older Kabar left behind.
    private SqliteConnection Raw(string? path = null)
    {
        var connection = new SqliteConnection($"Data Source={path ?? DbPath};Pooling=False");
        connection.Open();
        return connection;
    }

    private List<object?[]> Rows(string sql, string? path = null)
    {
        using SqliteConnection connection = Raw(path);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return rows;
    }

    [Fact]
    public void Ingest_TemplateSharedByManyArticles_StopsLinkingThem()
    {
        // Each article is one line of its own plus a long disclaimer every article carries.
        const string template = """
            Informasi dalam rubrik ini bersifat umum dan tidak dimaksudkan sebagai nasihat keuangan bagi pembaca.
            Keputusan membeli atau menjual saham sepenuhnya berada di tangan investor masing-masing.
            Redaksi tidak bertanggung jawab atas kerugian yang timbul dari penggunaan informasi tersebut.
            Data harga diambil dari bursa dengan jeda waktu sekitar lima belas menit dari perdagangan sebenarnya.
            Pembaca disarankan berkonsultasi dengan penasihat keuangan yang memiliki izin resmi.
            Kinerja masa lalu tidak menjamin hasil yang sama pada masa yang akan datang.
            """;
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        var outcomes = new List<IngestOutcome>();
        for (int i = 0; i < 130; i++)
        {
            string own = $"Harga saham perusahaan nomor {i} bergerak {(i % 2 == 0 ? "naik" : "turun")} sebanyak {i * 7} poin pada sesi perdagangan ke-{i}.";
            outcomes.Add(ingester.Ingest(new ArticleSource($"{i}.txt"), Bytes(own + "\n" + template)).Outcome);
        }

        // Until the template is frequent its articles are copies of one another; after, none is.
        Assert.Equal(IngestOutcome.NearDuplicate, outcomes[1]);
        Assert.All(outcomes.Skip(CorpusStatisticsTemplateLimit + 1), o => Assert.Equal(IngestOutcome.Added, o));

        // An article that is nothing but the template has no shingle left to sign: it gets no band keys, so articles
        // like it do not all land in the buckets of the empty set.
        IngestResult bare = ingester.Ingest(new ArticleSource("bare.txt"), Bytes(template));
        Assert.Equal(IngestOutcome.Added, bare.Outcome);
        Assert.Equal(0L, Rows($"SELECT (SELECT count(*) FROM lsh_keys WHERE article_id = {bare.Id}) + (SELECT count(*) FROM lsh_keys_recent WHERE article_id = {bare.Id})").Single()[0]);
        Assert.Empty(store.FindByKeys([], Ingester.MaxCandidates));
    }

    private const int CorpusStatisticsTemplateLimit = Kabar.Stories.CorpusStatistics.FrequentShingleArticles;
}
