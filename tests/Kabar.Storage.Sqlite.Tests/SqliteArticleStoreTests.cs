using System.Buffers.Binary;
using System.Text;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Testing;
using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite.Tests;

public sealed class SqliteArticleStoreTests : IDisposable
{
    private const string Story =
        "Lembah Hijau (ANTARA) - Banjir merendam 1.250 rumah setelah sungai meluap pada Senin (3/3/2025).\n" +
        "Warga mengungsi ke balai desa dan masjid yang berada di dataran tinggi.";

    private readonly string _dir = Directory.CreateTempSubdirectory("kabar-store-").FullName;

    private string DbPath => Path.Combine(_dir, "kabar.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void Open_NewFile_CreatesTheLatestSchema()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.Equal(0, store.GetStats().Articles);
    }

    [Fact]
    public void Ingest_SameInputTwice_AddsItOnce()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        var source = new ArticleSource("a.txt");
        IngestResult first = ingester.Ingest(source, Bytes(Story));
        IngestResult second = ingester.Ingest(source, Bytes(Story));
        Assert.Equal(IngestOutcome.Added, first.Outcome);
        Assert.Equal((IngestOutcome.AlreadyStored, first.Id), (second.Outcome, second.Id));
        Assert.Equal(1, store.GetStats().Articles);
    }

    [Fact]
    public void Ingest_SameStoryWithOtherBoilerplate_IsAnExactDuplicateOfTheFirst()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        IngestResult original = ingester.Ingest(new ArticleSource("a.txt"), Bytes(Story));
        byte[] copy = Bytes("Baca juga: Cuaca Ekstrem Pekan Ini\n" + Story.Replace("mengungsi", "MENGUNGSI", StringComparison.Ordinal) + "\nADVERTISEMENT");
        IngestResult duplicate = ingester.Ingest(new ArticleSource("b.txt"), copy);
        Assert.Equal(IngestOutcome.ExactDuplicate, duplicate.Outcome);
        Assert.Equal(original.Id, duplicate.DuplicateOf);
        (byte[] raw, long? duplicateOf, string origin, long cluster) = store.Get(duplicate.Id!.Value)!.Value;
        Assert.Equal(copy, raw); // the raw input is kept as it came, boilerplate and all
        Assert.Equal((original.Id, "b.txt", original.Id!.Value), (duplicateOf, origin, cluster));
        Assert.Equal(1, store.GetStats().ExactDuplicates);
    }

    [Fact]
    public void Ingest_ChangedNumber_IsANearCopyNotAnExactOne()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        ingester.Ingest(new ArticleSource("a.txt"), Bytes(Story));
        IngestResult changed = ingester.Ingest(new ArticleSource("b.txt"), Bytes(Story.Replace("1.250", "1.300", StringComparison.Ordinal)));
        Assert.Equal(IngestOutcome.NearDuplicate, changed.Outcome);
        Assert.Equal(0, store.GetStats().ExactDuplicates);
    }

    [Fact]
    public void Ingest_BadInput_IsQuarantinedWithRawBytesOnce()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        byte[] binary = [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01];
        IngestResult result = ingester.Ingest(new ArticleSource("photo.png"), binary);
        ingester.Ingest(new ArticleSource("photo.png"), binary);
        Assert.Equal(IngestOutcome.Rejected, result.Outcome);
        Assert.Equal(RejectionReason.Binary, result.Rejection!.Reason);
        Assert.Equal(binary, store.QuarantinedRaw("photo.png"));
        StoreStats stats = store.GetStats();
        Assert.Equal(1, stats.Rejected);
        Assert.Equal(1, stats.RejectedByReason["Binary"]);
    }

    [Fact]
    public void Open_Again_KeepsWhatWasStored()
    {
        StoreStoryAndClose();

        using SqliteArticleStore reopened = SqliteArticleStore.Open(DbPath);
        Assert.Equal(1, reopened.GetStats().Articles);
        Assert.Equal(IngestOutcome.AlreadyStored, new Ingester(NewsPipeline.Default, reopened).Ingest(new ArticleSource("a.txt"), Bytes(Story)).Outcome);
    }

    [Fact]
    public void Open_ForeignDatabase_SaysItIsNotKabars()
    {
        RawDatabase.Execute(DbPath, "CREATE TABLE invoices (id INTEGER)");

        StoreException e = Assert.Throws<StoreException>(() => SqliteArticleStore.Open(DbPath));
        Assert.Equal($"{DbPath}: not a Kabar database (it has tables but no Kabar schema version)", e.Message);
    }

    [Fact]
    public void Open_NewerSchema_AsksForANewerKabar()
    {
        RawDatabase.Execute(DbPath, "CREATE TABLE articles (id INTEGER); PRAGMA user_version = 99");

        StoreException e = Assert.Throws<StoreException>(() => SqliteArticleStore.Open(DbPath));
        Assert.Contains("schema version 99 is newer", e.Message);
    }

    [Fact]
    public void Open_FileThatIsNotSqlite_FailsWithOneLine()
    {
        File.WriteAllText(DbPath, "this is a text file, not a database, and it is long enough to have a header page");
        StoreException e = Assert.Throws<StoreException>(() => SqliteArticleStore.Open(DbPath));
        Assert.StartsWith($"{DbPath}: cannot open the database", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Batch_LookupsSeeItsOwnWrites_AndCommitMakesThemDurable()
    {
        using (SqliteArticleStore store = SqliteArticleStore.Open(DbPath))
        {
            var ingester = new Ingester(NewsPipeline.Default, store);
            using SqliteArticleStore.Batch batch = store.BeginBatch();
            Assert.Equal(IngestOutcome.Added, ingester.Ingest(new ArticleSource("a.txt"), Bytes(Story)).Outcome);
            Assert.Equal(IngestOutcome.AlreadyStored, ingester.Ingest(new ArticleSource("a.txt"), Bytes(Story)).Outcome);
            Assert.Equal(IngestOutcome.ExactDuplicate, ingester.Ingest(new ArticleSource("b.txt"), Bytes(Story + "\nADVERTISEMENT")).Outcome);
            batch.Commit();
        }

        using SqliteArticleStore reopened = SqliteArticleStore.Open(DbPath);
        Assert.Equal(2, reopened.GetStats().Articles);
    }

    [Fact]
    public void Batch_NotCommitted_LeavesNothingBehind()
    {
        using (SqliteArticleStore store = SqliteArticleStore.Open(DbPath))
        {
            var ingester = new Ingester(NewsPipeline.Default, store);
            store.BeginBatch(); // never committed: as if the process died
            ingester.Ingest(new ArticleSource("a.txt"), Bytes(Story));
            ingester.Ingest(new ArticleSource("bad.bin"), [0x00, 0x01]);
        }

        using SqliteArticleStore reopened = SqliteArticleStore.Open(DbPath);
        StoreStats stats = reopened.GetStats();
        Assert.Equal((0, 0), (stats.Articles, stats.Rejected));
        Assert.Equal(IngestOutcome.Added, new Ingester(NewsPipeline.Default, reopened).Ingest(new ArticleSource("a.txt"), Bytes(Story)).Outcome);
    }

    // A batch writer's WAL is copied into the database file by the background checkpoints, not by its commits: 3 MiB
    // stays under SQLite's own threshold (1,000 pages), so without them the file would not grow while the store is open.
    [Fact]
    public void Batch_CommittedPagesReachTheDatabaseFileWhileTheWriterKeepsGoing()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        long before = new FileInfo(DbPath).Length;
        SqliteArticleStore.Batch batch = store.BeginBatch();
        byte[] raw = new byte[3 << 20];
        new Random(3).NextBytes(raw);
        store.Quarantine(new QuarantinedInput(new ArticleSource("big.bin"), raw, new Rejection(RejectionReason.Binary, "binary"), "key"));
        batch.Commit();

        // Checkpoints run once a second; give them ten.
        for (int wait = 0; wait < 100 && new FileInfo(DbPath).Length < before + raw.Length; wait++)
        {
            Thread.Sleep(100);
        }

        Assert.InRange(new FileInfo(DbPath).Length, before + raw.Length, long.MaxValue);
        Assert.Equal(raw, store.QuarantinedRaw("big.bin"));
    }

    [Fact]
    public void Batch_Twice_IsAProgrammerError()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        using SqliteArticleStore.Batch batch = store.BeginBatch();
        Assert.Throws<InvalidOperationException>(() => store.BeginBatch());
    }

    [Fact]
    public void TwoConnections_WritingInTurn_BothSucceed()
    {
        using SqliteArticleStore first = SqliteArticleStore.Open(DbPath);
        using SqliteArticleStore second = SqliteArticleStore.Open(DbPath);
        var a = new Ingester(NewsPipeline.Default, first);
        var b = new Ingester(NewsPipeline.Default, second);
        for (int i = 0; i < 20; i++)
        {
            Ingester ingester = i % 2 == 0 ? a : b;
            string text = Story.Replace("1.250", (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.Contains(ingester.Ingest(new ArticleSource($"{i}.txt"), Bytes(text)).Outcome, new[] { IngestOutcome.Added, IngestOutcome.NearDuplicate });
        }

        Assert.Equal(20, first.GetStats().Articles);
    }

    [Fact]
    public void Stories_DatedNewestFirst_ThenUndated_AcrossPages_AndVersionGrows()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        long before = store.Version();
        string[] topics =
        [
            "Harga cabai rawit di pasar induk naik dua kali lipat menjelang akhir pekan karena pasokan dari petani berkurang.",
            "Tim nasional bola voli putri menang tiga set langsung atas tuan rumah dalam laga pembuka kejuaraan Asia.",
            "Gunung berapi di pulau utara kembali mengeluarkan abu tebal sehingga bandara ditutup selama enam jam.",
        ];
        ingester.Ingest(new ArticleSource("a.txt", Published: "2025-01-01"), Bytes(topics[0]));
        ingester.Ingest(new ArticleSource("b.txt"), Bytes(topics[1]));
        ingester.Ingest(new ArticleSource("c.txt", Published: "2025-02-01"), Bytes(topics[2]));
        Assert.True(store.Version() > before);

        long[] Page(int limit, int offset) => [.. store.Stories(null, null, null, 1, limit, offset).Select(s => s.Id)];
        Assert.Equal([3L, 1, 2], Page(10, 0));
        Assert.Equal([3L], Page(1, 0));
        Assert.Equal([1L, 2], Page(2, 1));
        Assert.Equal([2L], Page(1, 2));
        Assert.Empty(Page(5, 3));
        Assert.Equal([3L], [.. store.Stories(new DateOnly(2025, 1, 15), null, null, 1, 10).Select(s => s.Id)]);
    }

    [Fact]
    public void Search_FindsStoredArticles_ExactFirst_WithMarkedSnippets()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        ingester.Ingest(new ArticleSource("a.txt", Title: "Pengungsi bertahan di posko"), Bytes("Ratusan pengungsi bertahan di posko balai desa sejak banjir datang pada Senin pagi."));
        ingester.Ingest(new ArticleSource("b.txt", Title: "Warga mengungsi"), Bytes("Warga dari tiga dusun mengungsi ke bukit setelah sungai meluap pada Selasa dini hari."));

        SearchResults results = store.Search(SearchQuery.Parse("pengungsi")!, 10);
        Assert.True(results.Ranked);
        Assert.Equal(2, results.Total);
        Assert.Equal([1L, 2], results.Hits.Select(h => h.Id));
        Assert.Equal([true, false], results.Hits.Select(h => h.Exact));
        Assert.Contains("\u0002pengungsi\u0003", results.Hits[0].Snippet, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\u0002mengungsi\u0003", results.Hits[1].Snippet, StringComparison.Ordinal);
        Assert.Equal([2L], store.Search(SearchQuery.Parse("pengungsi")!, 10, offset: 1).Hits.Select(h => h.Id));
        Assert.Equal(0, store.Search(SearchQuery.Parse("gempa")!, 10).Total);
    }

    // A batch indexes its articles for search when it commits (all at once, see IndexForSearch); one rolled back
    // leaves nothing in the index, and the next batch indexes only its own.
    [Fact]
    public void Search_ArticlesOfABatch_AreFoundOnceItCommits()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        using (store.BeginBatch())
        {
            ingester.Ingest(new ArticleSource("lost.txt"), Bytes("Gempa mengguncang pesisir selatan pada Rabu malam dan warga berlarian ke bukit."));
        }

        SqliteArticleStore.Batch batch = store.BeginBatch();
        ingester.Ingest(new ArticleSource("a.txt"), Bytes("Ratusan pengungsi bertahan di posko balai desa sejak banjir datang pada Senin pagi."));
        ingester.Ingest(new ArticleSource("b.txt"), Bytes("Para pengungsi dari tiga dusun mulai kembali ke rumah setelah air surut pada Selasa."));
        batch.Commit();
        batch = store.BeginBatch();
        ingester.Ingest(new ArticleSource("c.txt"), Bytes("Gempa kecil terasa di pesisir utara tanpa menimbulkan kerusakan berarti pada Kamis."));
        batch.Commit();

        Assert.Equal(2, store.Search(SearchQuery.Parse("pengungsi")!, 10).Total);
        SearchResults quake = store.Search(SearchQuery.Parse("gempa")!, 10);
        Assert.Equal(1, quake.Total);
        Assert.Contains("utara", quake.Hits[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void UpgradeToV6_IndexesTheArticlesAlreadyStored()
    {
        StoreStoryAndClose();

        // Back to a version-5 database: the v3 story index, the v5 band table, no search index, the v5 indexes.
        RawDatabase.Execute(DbPath, OlderSchemas.Before16 + OlderSchemas.NoKeyFilter + OlderSchemas.StoryTerms + """
            DROP TABLE lsh_keys; DROP TABLE lsh_keys_recent; DROP TABLE settings;
            CREATE TABLE lsh_bands (band INTEGER NOT NULL, key INTEGER NOT NULL, article_id INTEGER NOT NULL REFERENCES articles(id));
            CREATE INDEX lsh_bands_lookup ON lsh_bands (band, key);
            DROP TABLE article_search; DROP INDEX stories_recent; CREATE INDEX stories_last_day ON stories (last_day);
            DROP INDEX articles_duplicate_of; DROP INDEX articles_near_of; DROP INDEX articles_outlet;
            DROP INDEX articles_story; CREATE INDEX articles_story ON articles (story_id, id); PRAGMA user_version = 5;
            """);
        SqliteConnection.ClearAllPools();

        using SqliteArticleStore upgraded = SqliteArticleStore.Open(DbPath);
        Assert.Equal(Migrations.Latest, upgraded.SchemaVersion);
        SearchResults results = upgraded.Search(SearchQuery.Parse("mengungsi")!, 10);
        Assert.Equal([1L], results.Hits.Select(h => h.Id));
    }

    // Version 13 makes the search index again without its prefix index: every stored article is found as before, the
    // index agrees with the articles (FTS5's integrity check), and the next batch's articles are indexed once.
    [Fact]
    public void UpgradeFromV12_MakesTheSearchIndexAgainWithoutPrefixes()
    {
        StoreStoryAndClose();

        RawDatabase.Execute(DbPath, OlderSchemas.Version12);
        string SearchSchema() => (string)RawDatabase.Scalar(DbPath, "SELECT sql FROM sqlite_master WHERE name = 'article_search'")!;
        Assert.Contains("prefix", SearchSchema(), StringComparison.Ordinal);

        using SqliteArticleStore upgraded = SqliteArticleStore.Open(DbPath);
        Assert.Equal(Migrations.Latest, upgraded.SchemaVersion);
        Assert.DoesNotContain("prefix", SearchSchema(), StringComparison.Ordinal);
        AssertTheNextBatchIsFoundWithTheFirst(upgraded);
    }

    // Version 15 has the search index buffer a whole batch and merge 16 segments a level; a store of version 14 gets
    // both settings, and a batch after the upgrade is indexed and found with the articles from before.
    [Fact]
    public void UpgradeFromV14_SetsTheSearchIndexBufferAndMerging()
    {
        StoreStoryAndClose();

        RawDatabase.Execute(DbPath, OlderSchemas.Version14);
        long? Setting(string key) => RawDatabase.Scalar(DbPath, $"SELECT v FROM article_search_config WHERE k = '{key}'") as long?;
        Assert.Null(Setting("hashsize"));

        using SqliteArticleStore upgraded = SqliteArticleStore.Open(DbPath);
        Assert.Equal(Migrations.Latest, upgraded.SchemaVersion);
        Assert.Equal(64L << 20, Setting("hashsize"));
        Assert.Equal(16L, Setting("automerge"));
        AssertTheNextBatchIsFoundWithTheFirst(upgraded);
    }

    // Version 17 stores story centroids by feature key. A version-16 centroid, by its words, becomes the same features by
    // key with the same weights, and the story goes on growing from it.
    [Fact]
    public void UpgradeFromV16_KeepsEachCentroidsFeaturesByKey()
    {
        StoreStoryAndClose();
        Dictionary<string, float> words = new(StringComparer.Ordinal) { ["banjir"] = 6, ["kim jong un"] = 2.5f, ["气候"] = 1 };
        var blob = new MemoryStream();
        foreach ((string word, float weight) in words)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(word);
            byte[] entry = new byte[2 + utf8.Length + 4];
            BinaryPrimitives.WriteUInt16LittleEndian(entry, (ushort)utf8.Length);
            utf8.CopyTo(entry, 2);
            BinaryPrimitives.WriteSingleLittleEndian(entry.AsSpan(2 + utf8.Length), weight);
            blob.Write(entry);
        }

        RawDatabase.Execute(DbPath, OlderSchemas.Before18 + $"UPDATE stories SET centroid = X'{Convert.ToHexString(blob.ToArray())}'; PRAGMA user_version = 16;");

        using SqliteArticleStore upgraded = SqliteArticleStore.Open(DbPath);
        Assert.Equal(Migrations.Latest, upgraded.SchemaVersion);
        Stories.FeatureVector centroid = upgraded.GetStoryState(1).Centroid;
        Stories.FeatureVector expected = Stories.FeatureVector.Of(words);
        Assert.Equal(expected.Keys.ToArray(), centroid.Keys.ToArray());
        Assert.Equal(expected.Weights.ToArray(), centroid.Weights.ToArray());

        // An exact copy joins the story: its centroid is the upgraded one plus the copy's features.
        Assert.Equal(1L, new Ingester(NewsPipeline.Default, upgraded).Ingest(new ArticleSource("copy.txt"), Bytes(Story)).Story);
        Stories.StoryState grown = upgraded.GetStoryState(1);
        Assert.Equal(2, grown.Size);
        float WeightOf(string word) => grown.Centroid.Weights[grown.Centroid.Keys.IndexOf(Stories.CorpusStatistics.FeatureKey(word))];
        Assert.Equal(2.5f, WeightOf("kim jong un"));
        Assert.True(WeightOf("banjir") > 6, "the copy's own \"banjir\" added");
    }

    // A centroid cut short cannot be upgraded: opening says so and leaves the store at version 16, as it was.
    [Fact]
    public void UpgradeFromV16_WithACentroidCutShort_FailsAndKeepsTheStore()
    {
        StoreStoryAndClose();
        RawDatabase.Execute(DbPath, OlderSchemas.Before18 + "UPDATE stories SET centroid = X'0500616263'; PRAGMA user_version = 16;");

        StoreException e = Assert.Throws<StoreException>(() => SqliteArticleStore.Open(DbPath).Dispose());
        Assert.Contains("story centroid of schema version 16 or older cut short at byte 0 of 5", e.Message, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(16L, RawDatabase.Scalar(DbPath, "PRAGMA user_version"));
        Assert.Equal(5L, RawDatabase.Scalar(DbPath, "SELECT length(centroid) FROM stories"));
    }

    // An article's raw bytes and story words take less room than they came in (~56% for 1,100 bytes of text; longer
    // texts pack smaller), and read back as they came.
    [Fact]
    public void Ingest_KeepsRawBytesAndWordsPacked_AndReadsThemBackAsTheyCame()
    {
        byte[] raw = Bytes(StoryTexts.FloodA + StoryTexts.Strike + StoryTexts.Match);
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        string words = ingester.Prepare(new ArticleSource("a.txt"), raw).Words;
        long id = ingester.Ingest(new ArticleSource("a.txt"), raw).Id!.Value;

        Assert.Equal(raw, store.Article(id)!.Raw);
        Assert.Equal(raw, store.Get(id)!.Value.Raw);
        Assert.Equal(words, store.GetWords(id));
        Assert.Equal(words, Assert.Single(store.StoryWords(0, id)));
        long storedRaw = (long)RawDatabase.Scalar(DbPath, "SELECT length(raw) FROM articles")!;
        long storedWords = (long)RawDatabase.Scalar(DbPath, "SELECT length(story) FROM articles")!;
        Assert.True(storedRaw < raw.Length * 0.7, $"raw: {storedRaw} of {raw.Length} bytes");
        Assert.True(storedWords < words.Length * 0.7, $"words: {storedWords} of {words.Length} bytes");
    }

    // Packed words or raw bytes damaged on disk are a StoreException that names the article, not a bug's exception.
    [Fact]
    public void Read_DamagedPackedWordsOrRawBytes_SaysWhichArticle()
    {
        StoreStoryAndClose();
        RawDatabase.Execute(DbPath, "UPDATE articles SET story = X'07', raw = X'01FFFFFF7F00'");

        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        Assert.Equal("article 1: its story words are damaged in the database: packed bytes of unknown form (first byte 07)",
            Assert.Throws<StoreException>(() => store.GetWords(1)).Message);
        Assert.Equal("article 1: its raw bytes are damaged in the database: packed bytes claim an impossible length (2147483647)",
            Assert.Throws<StoreException>(() => store.Get(1)).Message);
    }

    // Version 18 packs the raw bytes and story words of the articles stored from then on; those stored before stay as
    // they were. Both kinds read back as they came: the old article's words verify a near copy, and its raw bytes are
    // read again when the statistics catch up with it.
    [Fact]
    public void UpgradeFromV17_ReadsTheArticlesStoredBefore_AndPacksTheNewOnes()
    {
        StoreStoryAndClose();
        RawDatabase.Execute(DbPath, OlderSchemas.Version17 + "DELETE FROM corpus_statistics;");
        Assert.Equal("text", RawDatabase.Scalar(DbPath, "SELECT typeof(story) FROM articles"));

        using SqliteArticleStore upgraded = SqliteArticleStore.Open(DbPath);
        Assert.Equal(Migrations.Latest, upgraded.SchemaVersion);
        var ingester = new Ingester(NewsPipeline.Default, upgraded);
        Assert.Equal(1, ingester.Statistics.Articles);
        string changed = Story.Replace("1.250", "1.300", StringComparison.Ordinal);
        IngestResult near = ingester.Ingest(new ArticleSource("b.txt"), Bytes(changed));
        Assert.Equal((IngestOutcome.NearDuplicate, 1L), (near.Outcome, near.DuplicateOf));

        Assert.Equal([Bytes(Story), Bytes(changed)], upgraded.ArticlesAfter(0).Select(a => a.Raw));
        Assert.Equal(ingester.Prepare(new ArticleSource("b.txt"), Bytes(changed)).Words, upgraded.GetWords(2));
        Assert.Equal("0 text, 1 blob", RawDatabase.Scalar(DbPath,
            "SELECT group_concat(raw_packed || ' ' || typeof(story), ', ' ORDER BY id) FROM articles"));
    }

    // A new article's content hash is held in memory and appended to content_hashes_recent; many of them go into
    // content_hashes. An exact copy finds its original in either, in this process or the next.
    [Fact]
    public void ExactCopies_FindTheirOriginals_BeforeAndAfterTheirHashesMerge_AndAfterReopening()
    {
        string[] texts = [StoryTexts.FloodA, StoryTexts.Strike, StoryTexts.Match];
        using (SqliteArticleStore store = SqliteArticleStore.Open(DbPath))
        {
            store.MergeFirstArticlesAtLeast = 2;
            var ingester = new Ingester(NewsPipeline.Default, store);
            Assert.All(texts, t => Assert.Equal(IngestOutcome.Added, ingester.Ingest(new ArticleSource(t[..20]), Bytes(t)).Outcome));
            Assert.Equal((2L, 1L), (Count("content_hashes"), Count("content_hashes_recent")));

            // The first merged, the last not; a copy adds no hash of its own.
            Assert.Equal(1L, ExactCopyOf(ingester.Ingest(new ArticleSource("copy-1"), Bytes(texts[0]))));
            Assert.Equal(3L, ExactCopyOf(ingester.Ingest(new ArticleSource("copy-3"), Bytes(texts[2]))));
            Assert.Equal((2L, 1L), (Count("content_hashes"), Count("content_hashes_recent")));
        }

        using SqliteArticleStore reopened = SqliteArticleStore.Open(DbPath);
        var next = new Ingester(NewsPipeline.Default, reopened);
        Assert.Equal([2L, 3L], [.. new[] { 1, 2 }.Select(i => ExactCopyOf(next.Ingest(new ArticleSource($"again-{i}"), Bytes(texts[i]))))]);
    }

    // A batch rolled back takes its hashes and ingest keys out of the tables, and must take them out of memory too, or a
    // later copy would be linked to an article that was never stored, and the input ingested again would be taken for
    // a stored one and lost; another process's articles are found as soon as it commits.
    [Fact]
    public void Ingest_AfterARollbackOrAnotherProcessesWrites_FindsWhatTheTablesHold()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        ingester.Ingest(new ArticleSource("a.txt"), Bytes(StoryTexts.FloodA));
        using (store.BeginBatch())
        {
            ingester.Ingest(new ArticleSource("b.txt"), Bytes(StoryTexts.Strike));
        }

        Assert.Equal(IngestOutcome.Added, ingester.Ingest(new ArticleSource("b-again.txt"), Bytes(StoryTexts.Strike)).Outcome);
        Assert.Equal(IngestOutcome.ExactDuplicate, ingester.Ingest(new ArticleSource("b.txt"), Bytes(StoryTexts.Strike)).Outcome);

        using (SqliteArticleStore other = SqliteArticleStore.Open(DbPath))
        {
            Assert.Equal(4L, new Ingester(NewsPipeline.Default, other).Ingest(new ArticleSource("c.txt"), Bytes(StoryTexts.Match)).Id);
        }

        Assert.Equal(4L, ExactCopyOf(ingester.Ingest(new ArticleSource("c-copy.txt"), Bytes(StoryTexts.Match))));
        Assert.Equal(4L, AlreadyStoredAs(ingester.Ingest(new ArticleSource("c.txt"), Bytes(StoryTexts.Match))));
    }

    // Version 19 moves the exact-duplicate look-up out of the articles' index: every stored hash goes into
    // content_hashes with its earliest article, and the index goes.
    [Fact]
    public void UpgradeFromV18_FindsCopiesOfTheArticlesStoredBefore()
    {
        using (SqliteArticleStore store = SqliteArticleStore.Open(DbPath))
        {
            var ingester = new Ingester(NewsPipeline.Default, store);
            ingester.Ingest(new ArticleSource("a.txt"), Bytes(Story));
            ingester.Ingest(new ArticleSource("b.txt"), Bytes(Story));
        }

        RawDatabase.Execute(DbPath, OlderSchemas.Version18);
        using SqliteArticleStore upgraded = SqliteArticleStore.Open(DbPath);
        Assert.Equal(Migrations.Latest, upgraded.SchemaVersion);
        Assert.Equal("1", RawDatabase.Scalar(DbPath, "SELECT group_concat(article_id) FROM content_hashes"));
        Assert.Null(RawDatabase.Scalar(DbPath, "SELECT name FROM sqlite_master WHERE name = 'articles_content_hash'"));
        Assert.Equal(1L, ExactCopyOf(new Ingester(NewsPipeline.Default, upgraded).Ingest(new ArticleSource("c.txt"), Bytes(Story))));
    }

    // Ingest keys are kept as content hashes are (in memory and ingest_keys_recent, then merged into ingest_keys): an
    // input ingested again is found in either, in this process or the next, and adds nothing.
    [Fact]
    public void IngestedAgain_FindsTheStoredArticle_BeforeAndAfterItsKeyMerges_AndAfterReopening()
    {
        string[] texts = [StoryTexts.FloodA, StoryTexts.Strike, StoryTexts.Match];
        using (SqliteArticleStore store = SqliteArticleStore.Open(DbPath))
        {
            store.MergeFirstArticlesAtLeast = 2;
            var ingester = new Ingester(NewsPipeline.Default, store);
            Assert.All(texts, t => Assert.Equal(IngestOutcome.Added, ingester.Ingest(new ArticleSource(t[..20]), Bytes(t)).Outcome));
            Assert.Equal((2L, 1L), (Count("ingest_keys"), Count("ingest_keys_recent")));
            Assert.Equal([1L, 2L, 3L], texts.Select(t => AlreadyStoredAs(ingester.Ingest(new ArticleSource(t[..20]), Bytes(t)))));
        }

        using SqliteArticleStore reopened = SqliteArticleStore.Open(DbPath);
        reopened.MergeFirstArticlesAtLeast = 2;
        var next = new Ingester(NewsPipeline.Default, reopened);
        Assert.Equal([1L, 2L, 3L], texts.Select(t => AlreadyStoredAs(next.Ingest(new ArticleSource(t[..20]), Bytes(t)))));

        // Another origin of the same bytes is another input.
        Assert.Equal(IngestOutcome.ExactDuplicate, next.Ingest(new ArticleSource("elsewhere"), Bytes(texts[0])).Outcome);
        Assert.Equal((4L, 0L), (Count("ingest_keys"), Count("ingest_keys_recent")));
        Assert.Equal(4L, AlreadyStoredAs(next.Ingest(new ArticleSource("elsewhere"), Bytes(texts[0]))));

        // The column the unique index covers holds each article's id, in order, where the key used to be.
        Assert.Equal("0000000000000001,0000000000000002,0000000000000003,0000000000000004",
            RawDatabase.Scalar(DbPath, "SELECT group_concat(hex(ingest_key), ',' ORDER BY id) FROM articles"));
    }

    // Version 20 copies every stored ingest key into ingest_keys; the rows keep theirs.
    [Fact]
    public void UpgradeFromV19_KnowsTheInputsStoredBefore()
    {
        using (SqliteArticleStore store = SqliteArticleStore.Open(DbPath))
        {
            var ingester = new Ingester(NewsPipeline.Default, store);
            ingester.Ingest(new ArticleSource("a.txt"), Bytes(StoryTexts.FloodA));
            ingester.Ingest(new ArticleSource("b.txt"), Bytes(StoryTexts.Strike));
        }

        RawDatabase.Execute(DbPath, OlderSchemas.Version19);
        Assert.Equal("text", RawDatabase.Scalar(DbPath, "SELECT group_concat(DISTINCT typeof(ingest_key)) FROM articles"));
        using SqliteArticleStore upgraded = SqliteArticleStore.Open(DbPath);
        Assert.Equal(Migrations.Latest, upgraded.SchemaVersion);
        Assert.Equal(2L, Count("ingest_keys"));
        var next = new Ingester(NewsPipeline.Default, upgraded);
        Assert.Equal(2L, AlreadyStoredAs(next.Ingest(new ArticleSource("b.txt"), Bytes(StoryTexts.Strike))));
        Assert.Equal(3L, next.Ingest(new ArticleSource("c.txt"), Bytes(StoryTexts.Match)).Id);
        Assert.Equal("text,text,blob", RawDatabase.Scalar(DbPath, "SELECT group_concat(typeof(ingest_key), ',' ORDER BY id) FROM articles"));
    }

    // The article an input was stored as, when it was found stored already.
    private static long? AlreadyStoredAs(IngestResult result) => result.Outcome == IngestOutcome.AlreadyStored ? result.Id : null;

    // The original of an exact copy; a near copy of the same words (found if the exact look-up missed) is not one.
    private static long? ExactCopyOf(IngestResult result) => result.Outcome == IngestOutcome.ExactDuplicate ? result.DuplicateOf : null;

    private long Count(string table) => (long)RawDatabase.Scalar(DbPath, $"SELECT count(*) FROM {table}")!;

    // The store with Story in it, closed, as a test that opens it again (after an upgrade, say) finds it.
    private void StoreStoryAndClose()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        new Ingester(NewsPipeline.Default, store).Ingest(new ArticleSource("a.txt"), Bytes(Story));
    }

    // After an upgrade: a batch's article is indexed, found with the one stored before, and the index agrees with the
    // articles (FTS5's integrity check).
    private void AssertTheNextBatchIsFoundWithTheFirst(SqliteArticleStore upgraded)
    {
        SqliteArticleStore.Batch batch = upgraded.BeginBatch();
        new Ingester(NewsPipeline.Default, upgraded).Ingest(new ArticleSource("b.txt"), Bytes("Para pengungsi dari tiga dusun mulai kembali ke rumah setelah air surut pada Selasa."));
        batch.Commit();
        Assert.Equal([1L, 2], upgraded.Search(SearchQuery.Parse("mengungsi")!, 10).Hits.Select(h => h.Id).Order());
        RawDatabase.Execute(DbPath, "INSERT INTO article_search (article_search, rank) VALUES ('integrity-check', 1)");
    }
}
