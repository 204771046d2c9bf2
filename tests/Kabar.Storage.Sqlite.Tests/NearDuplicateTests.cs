using System.Text;
using Kabar.Dedup;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Testing;
using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite.Tests;

public sealed class NearDuplicateTests : IDisposable
{
    // A twelve-sentence report written for these tests.
    private static readonly string[] s_sentences =
    [
        "Banjir merendam seribu dua ratus rumah di tujuh desa setelah Sungai Cikaret meluap pada Senin dini hari.",
        "Kepala badan penanggulangan bencana daerah mengatakan ketinggian air di permukiman mencapai satu setengah meter.",
        "Hujan deras turun sejak Minggu sore dan tanggul di Desa Karangsari jebol sekitar pukul dua pagi.",
        "Sebanyak dua ribu empat ratus warga mengungsi ke balai desa, masjid dan gedung sekolah di dataran tinggi.",
        "Tiga orang dilaporkan meninggal dunia terseret arus, sementara dua warga lainnya masih dicari tim gabungan.",
        "Tim penyelamat mengerahkan dua belas perahu karet untuk mengevakuasi warga lanjut usia dan anak-anak.",
        "Jalan provinsi yang menghubungkan kabupaten itu dengan Kota Batu Tulis terputus sepanjang tiga ratus meter.",
        "Dinas kesehatan membuka empat pos kesehatan karena banyak pengungsi mulai mengeluhkan gatal dan diare.",
        "Badan meteorologi memperkirakan hujan lebat masih akan turun hingga Kamis di wilayah selatan.",
        "Pemerintah kabupaten menetapkan status tanggap darurat selama empat belas hari sejak Senin.",
        "Para relawan dari kota tetangga mulai berdatangan membawa makanan, pakaian dan obat-obatan.",
        "Warga berharap pemerintah segera memperbaiki tanggul yang sudah retak sejak banjir tahun lalu.",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("kabar-near-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private static byte[] Article(IEnumerable<string> sentences) => Encoding.UTF8.GetBytes(string.Join("\n", sentences));

    private SqliteArticleStore Open() => SqliteArticleStore.Open(Path.Combine(_dir, "kabar.db"));

    // The database on a plain connection, to make what an older Kabar left behind.
    private SqliteConnection Raw(string name = "kabar.db") => RawDatabase.Connection(Path.Combine(_dir, name));

    private void Execute(string sql, byte[]? data = null)
    {
        using SqliteConnection connection = Raw();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        if (data is not null)
        {
            command.Parameters.AddWithValue("$data", data);
        }

        command.ExecuteNonQuery();
    }

    // Stores the report in a new store and closes it; returns its id. With `merged`, its keys are merged into lsh_keys
    // at once, so only the saved filter holds them, not the recent keys read with it.
    private long StoreOriginalAndClose(bool merged = false)
    {
        using SqliteArticleStore store = Open();
        store.MergeKeysAtLeast = merged ? 1 : store.MergeKeysAtLeast;
        return new Ingester(NewsPipeline.Default, store).Ingest(new ArticleSource("wire.txt"), Article(s_sentences)).Id!.Value;
    }

    // An ingester on the store that has stored one article unrelated to the report.
    private static Ingester WithAnotherArticle(SqliteArticleStore store)
    {
        var ingester = new Ingester(NewsPipeline.Default, store);
        ingester.Ingest(new ArticleSource("other.txt"), Encoding.UTF8.GetBytes(Evaluation.SyntheticCorpus.Create(1, seed: 2).First().Text));
        return ingester;
    }

    // The report with one sentence reworded, arriving later, must be found as a near copy of the original.
    private static void AssertALateCopyIsFound(Ingester ingester, long originalId)
    {
        string[] edited = [.. s_sentences];
        edited[3] = "Lebih dari dua ribu warga mengungsi ke balai desa dan masjid di dataran tinggi.";
        IngestResult copy = ingester.Ingest(new ArticleSource("late.txt"), Article(edited));
        Assert.Equal((IngestOutcome.NearDuplicate, originalId), (copy.Outcome, copy.DuplicateOf));
    }

    [Fact]
    public void Ingest_OneSentenceReworded_IsANearCopy()
    {
        using SqliteArticleStore store = Open();
        var ingester = new Ingester(NewsPipeline.Default, store);
        IngestResult original = ingester.Ingest(new ArticleSource("wire.txt"), Article(s_sentences));
        string[] edited = [.. s_sentences];
        edited[6] = "Akses jalan menuju kota tetangga tidak dapat dilalui kendaraan roda empat.";
        IngestResult copy = ingester.Ingest(new ArticleSource("copy.txt"), Article(edited));
        Assert.Equal(IngestOutcome.NearDuplicate, copy.Outcome);
        Assert.Equal(("near", original.Id!.Value), (copy.Near!.Kind, copy.Near.Of));
        Assert.InRange(copy.Near.Similarity, Ingester.NearJaccard, 1.0);
        Assert.Equal(original.Id!.Value, store.Get(copy.Id!.Value)!.Value.Cluster);
    }

    // A wire brief that an outlet padded with three times its length of its own: containment 1, Jaccard ~0.25, which
    // the LSH bands find one time in eight; the fingerprints find it always.
    [Fact]
    public void Ingest_BriefPaddedWithThreeTimesItsLength_IsAPartialCopyOfTheBrief()
    {
        using SqliteArticleStore store = Open();
        var ingester = new Ingester(NewsPipeline.Default, store);
        IngestResult brief = ingester.Ingest(new ArticleSource("brief.txt"), Article(s_sentences[..3]));
        IngestResult padded = ingester.Ingest(new ArticleSource("padded.txt"), Article(s_sentences));
        Assert.Equal(IngestOutcome.NearDuplicate, padded.Outcome);
        Assert.Equal(("contained", brief.Id!.Value, 1.0), (padded.Near!.Kind, padded.Near.Of, padded.Near.Similarity));
    }

    [Fact]
    public void Ingest_ArticlePlusAParagraph_IsAPartialCopy()
    {
        using SqliteArticleStore store = Open();
        var ingester = new Ingester(NewsPipeline.Default, store);
        IngestResult original = ingester.Ingest(new ArticleSource("wire.txt"), Article(s_sentences[..6]));
        string[] extended =
        [
            .. s_sentences[..6],
            "Bupati meninjau lokasi pengungsian pada Senin siang dan menjanjikan bantuan beras untuk setiap keluarga.",
            "Ia juga meminta warga yang tinggal di bantaran sungai untuk tetap waspada selama musim hujan.",
            "Menurut bupati, anggaran perbaikan tanggul akan dimasukkan ke dalam rencana belanja tahun depan.",
        ];
        IngestResult copy = ingester.Ingest(new ArticleSource("longer.txt"), Article(extended));
        Assert.Equal(IngestOutcome.NearDuplicate, copy.Outcome);
        Assert.Equal(("contained", original.Id!.Value), (copy.Near!.Kind, copy.Near.Of));
        Assert.Equal(1.0, copy.Near.Similarity);
    }

    [Fact]
    public void Ingest_SameTopicDifferentReport_IsNotACopy()
    {
        using SqliteArticleStore store = Open();
        var ingester = new Ingester(NewsPipeline.Default, store);
        ingester.Ingest(new ArticleSource("wire.txt"), Article(s_sentences));
        IngestResult other = ingester.Ingest(new ArticleSource("other.txt"), Article(
        [
            "Banjir kembali melanda kabupaten itu untuk kedua kalinya dalam sebulan terakhir.",
            "Menurut warga, air naik dengan cepat setelah hujan turun semalaman tanpa henti.",
            "Pengungsi membutuhkan selimut, air bersih dan makanan siap saji.",
            "Sekolah di tiga kecamatan diliburkan sampai air surut.",
        ]));
        Assert.Equal(IngestOutcome.Added, other.Outcome);
        Assert.Equal(0, store.GetStats().NearDuplicates);
    }

    [Fact]
    public void Ingest_AfterReopening_StillFindsCopiesOfEarlierArticles()
    {
        long originalId = StoreOriginalAndClose();

        using SqliteArticleStore reopened = Open();
        string[] edited = [.. s_sentences];
        edited[0] = "Banjir besar merendam ribuan rumah di tujuh desa setelah sungai meluap pada Senin dini hari.";
        IngestResult copy = new Ingester(NewsPipeline.Default, reopened).Ingest(new ArticleSource("late.txt"), Article(edited));
        Assert.Equal((IngestOutcome.NearDuplicate, originalId), (copy.Outcome, copy.DuplicateOf));
        Assert.Equal(1, reopened.GetStats().NearDuplicates);
    }

    // A version-6 store has band keys of the old signature (128 hash functions) in lsh_bands. Upgraded, its keys are
    // made again from the stored story words, once, so copies of articles stored before are still found.
    [Fact]
    public void Ingest_AfterUpgradingAVersion6Store_FindsCopiesOfArticlesStoredBefore()
    {
        long originalId = StoreOriginalAndClose();

        Execute(OlderSchemas.Before16 + OlderSchemas.NoKeyFilter + OlderSchemas.StoryTerms + """
            DROP TABLE lsh_keys; DROP TABLE lsh_keys_recent; DROP TABLE settings;
            CREATE TABLE lsh_bands (band INTEGER NOT NULL, key INTEGER NOT NULL, article_id INTEGER NOT NULL REFERENCES articles(id));
            CREATE INDEX lsh_bands_lookup ON lsh_bands (band, key);
            INSERT INTO lsh_bands (band, key, article_id) VALUES (0, 12345, 1);
            PRAGMA user_version = 6;
            """);

        using SqliteArticleStore upgraded = Open();
        Assert.Null(upgraded.KeyFormat());
        var ingester = new Ingester(NewsPipeline.Default, upgraded);
        Assert.Equal((1L, Ingester.KeyFormat), (ingester.RebuiltKeys, upgraded.KeyFormat()));
        Assert.Equal(0, new Ingester(NewsPipeline.Default, upgraded).RebuiltKeys);

        AssertALateCopyIsFound(ingester, originalId);
    }

    // A store from before shingles were counted over recent articles only: past ~900,000 articles its count-min
    // sketch had filled up, every shingle was "frequent", and articles were signed without shingles, so no copy was
    // found. Opened now, its shingle counts are made again from the latest stored articles and its keys with them.
    [Fact]
    public void Ingest_AfterAStoreFilledItsShingleCounts_CountsThemAgainAndFindsCopies()
    {
        long originalId = StoreOriginalAndClose();

        Execute("""
            INSERT OR REPLACE INTO corpus_statistics (id, through_id, data) VALUES (1, 1, $data);
            UPDATE settings SET value = 'oph-densified-128/1' WHERE name = 'signature_format';
            DELETE FROM lsh_keys; DELETE FROM lsh_keys_recent;
            """, Testing.StatisticsVersion1.Bytes(articles: 1, shingleCount: ushort.MaxValue));

        using SqliteArticleStore upgraded = Open();
        var ingester = new Ingester(NewsPipeline.Default, upgraded);
        Assert.Equal((1L, Ingester.KeyFormat), (ingester.RebuiltKeys, upgraded.KeyFormat()));
        ulong[] shingles = Shingles.Of(upgraded.StoryWords(0, originalId).Single());
        Assert.Equal(shingles, ingester.Statistics.WithoutFrequent(shingles));

        AssertALateCopyIsFound(ingester, originalId);
    }

    // Only MaxCandidates candidates are verified, so the order decides which: most shared keys first, then the earliest.
    // An article's keys are counted together whether merged or still recent.
    [Fact]
    public void FindByKeys_MostSharedKeysFirst_ThenEarliest_UpToTheLimit()
    {
        using SqliteArticleStore store = Open();
        Execute("""
            INSERT INTO lsh_keys (key, article_id) VALUES (10, 1), (10, 2), (20, 3), (99, 5);
            INSERT INTO lsh_keys_recent (key, article_id) VALUES (20, 2), (30, 2), (30, 3), (10, 4);
            """);

        Assert.Equal([2L, 3L, 1L], store.FindByKeys([10, 20, 30], limit: 3));
        Assert.Equal([2L, 3L, 1L, 4L], store.FindByKeys([30, 20, 10, 77], limit: 10));
        Assert.Empty(store.FindByKeys([77], limit: 10));
    }

    // An article of hundreds of thousands of words has more keys than SQLite takes parameters (32,766): the look-up
    // must still count every one of them.
    [Fact]
    public void FindByKeys_MoreKeysThanSqliteHasParameters_CountsThemAll()
    {
        using SqliteArticleStore store = Open();
        Execute("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
            INSERT INTO lsh_keys (key, article_id) SELECT i, CASE WHEN i <= 25000 THEN 1 ELSE 2 END FROM n;
            INSERT INTO lsh_keys_recent (key, article_id) VALUES (40001, 3), (40002, 3);
            """);

        long[] keys = [.. Enumerable.Range(1, 40002).Select(i => (long)i)];
        Assert.Equal([1L, 2L, 3L], store.FindByKeys(keys, limit: 5));
        Assert.Equal([2L, 1L, 3L], store.FindByKeys(keys[20000..], limit: 5));
        Assert.Equal([1L], store.FindByKeys(keys[..600], limit: 5));
    }

    // Keys made again are written sorted by key, many articles' at once, many to a statement: each must still belong
    // to its article.
    [Fact]
    public void RebuildKeys_WritesTheKeysEachArticleWasStoredWith()
    {
        using (SqliteArticleStore store = Open())
        {
            var ingester = new Ingester(NewsPipeline.Default, store);
            foreach (Evaluation.SyntheticArticle a in Evaluation.SyntheticCorpus.Create(60, seed: 3))
            {
                ingester.Ingest(new ArticleSource($"a{a.Id}.txt"), Encoding.UTF8.GetBytes(a.Text));
            }
        }

        List<(long, long)> stored = KeyRows();
        int articles = stored.Select(row => row.Item2).Distinct().Count();
        Assert.InRange(articles, 30, 60);
        Assert.InRange(stored.Count, (32 + 1) * articles, (32 + 40) * articles);  // 32 band keys and the fingerprints
        Execute("UPDATE settings SET value = 'older' WHERE name = 'signature_format'; DELETE FROM lsh_keys; DELETE FROM lsh_keys_recent;");

        using (SqliteArticleStore reopened = Open())
        {
            Assert.Equal(articles, new Ingester(NewsPipeline.Default, reopened).RebuiltKeys);
        }

        Assert.Equal(stored, KeyRows());
    }

    // Recent keys are merged into the newer table once there are enough, and that table into the main one every few
    // merges (every merge, every fourth, never); each move keeps every key, and the decisions are those of a store that
    // never merged.
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(int.MaxValue)]
    public void Ingest_WithKeysMergedAsItGoes_DecidesAsWithoutMerging(int mergesPerFlush)
    {
        List<(IngestOutcome, long?, long?)> unmerged = Decisions("unmerged.db", store => store.MergeKeysAtLeast = long.MaxValue),
            merged = Decisions("kabar.db", store => (store.MergeKeysAtLeast, store.NewerMergesPerFlush) = (500, mergesPerFlush));
        Assert.Equal(unmerged, merged);
        Assert.Contains(merged, d => d.Item1 == IngestOutcome.NearDuplicate);

        Assert.Equal(KeyRows("unmerged.db"), KeyRows());
        long main = Count("SELECT count(*) FROM lsh_keys"), newer = Count("SELECT count(*) FROM lsh_keys_newer");
        Assert.True(main + newer > 2000, "the keys were not merged");
        Assert.InRange(Count("SELECT count(*) FROM lsh_keys_recent"), 0, 499 + 100);
        if (mergesPerFlush == 1)
        {
            Assert.Equal(0, newer);
        }
        else if (mergesPerFlush == int.MaxValue)
        {
            Assert.Equal(0, main);
        }
        else
        {
            Assert.True(main > 0 && newer > 0, $"expected keys in both merged tables, found {main} and {newer}");
        }
    }

    // A filter that fills is made again from the tables, larger, and saved: no key is lost on the way, merged or recent.
    [Fact]
    public void Ingest_WithTheKeyFilterFillingAsItGoes_DecidesAsWithARoomyOne_AndSavesALargerOne()
    {
        List<(IngestOutcome, long?, long?)> roomy = Decisions("roomy.db", store => (store.KeyFilterAtLeast, store.MergeKeysAtLeast) = (KeyFilter.MinimumCapacity, 500)),
            filling = Decisions("kabar.db", store => (store.KeyFilterAtLeast, store.MergeKeysAtLeast) = (50, 500));
        Assert.Equal(roomy, filling);
        Assert.Contains(filling, d => d.Item1 == IngestOutcome.NearDuplicate);

        KeyFilter saved = SavedFilter();
        Assert.True(saved.Capacity > 1000, $"the filter did not grow: room for {saved.Capacity} keys");
        AssertHoldsEveryMergedKey(saved, moreThan: 2000);
    }

    // The filter kept in the database holds every merged key, so a store opened later skips no stored key.
    [Fact]
    public void KeyFilter_SavedAtEachMerge_HoldsEveryMergedKey_AndAReopenedStoreFindsCopies()
    {
        long originalId;
        using (SqliteArticleStore store = Open())
        {
            store.MergeKeysAtLeast = 100;
            var ingester = new Ingester(NewsPipeline.Default, store);
            originalId = ingester.Ingest(new ArticleSource("wire.txt"), Article(s_sentences)).Id!.Value;
            foreach (Evaluation.SyntheticArticle a in Evaluation.SyntheticCorpus.Create(20, seed: 9))
            {
                ingester.Ingest(new ArticleSource($"a{a.Id}.txt"), Encoding.UTF8.GetBytes(a.Text));
            }
        }

        KeyFilter saved = SavedFilter();
        AssertHoldsEveryMergedKey(saved, moreThan: 500);

        // Saved at the last merge, it counts each merged key once: a filter that counted them again would look full
        // and be made again long before it is.
        Assert.Equal(Count("SELECT (SELECT count(*) FROM lsh_keys) + (SELECT count(*) FROM lsh_keys_newer)"), saved.Keys);

        using SqliteArticleStore reopened = Open();
        AssertALateCopyIsFound(new Ingester(NewsPipeline.Default, reopened), originalId);
    }

    // Another connection's keys are not in this one's filter until it reads the filter again.
    [Fact]
    public void Ingest_FindsACopyOfAnArticleAnotherConnectionStored_AfterThisOneLoadedItsFilter()
    {
        using SqliteArticleStore first = Open();
        Ingester ingester = WithAnotherArticle(first);
        long originalId;
        using (SqliteArticleStore second = Open())
        {
            originalId = new Ingester(NewsPipeline.Default, second).Ingest(new ArticleSource("wire.txt"), Article(s_sentences)).Id!.Value;
        }

        AssertALateCopyIsFound(ingester, originalId);
    }

    // A batch asks whether others wrote only once, at its start, since it holds the write lock until it ends: what another
    // connection commits between two batches must be seen by the second.
    [Fact]
    public void Ingest_InTheNextBatch_FindsACopyOfAnArticleAnotherConnectionStoredBetweenBatches()
    {
        using SqliteArticleStore first = Open();
        var ingester = new Ingester(NewsPipeline.Default, first);
        SqliteArticleStore.Batch batch = first.BeginBatch();
        ingester.Ingest(new ArticleSource("other.txt"), Encoding.UTF8.GetBytes(Evaluation.SyntheticCorpus.Create(1, seed: 2).First().Text));
        batch.Commit();
        long originalId;
        using (SqliteArticleStore second = Open())
        {
            originalId = new Ingester(NewsPipeline.Default, second).Ingest(new ArticleSource("wire.txt"), Article(s_sentences)).Id!.Value;
        }

        using SqliteArticleStore.Batch next = first.BeginBatch();
        AssertALateCopyIsFound(ingester, originalId);
        next.Commit();
    }

    // The recent keys are held in memory as they are written; a batch rolled back takes them out of the table, and must
    // take them out of memory too, or a later copy would be linked to an article that was never stored. Nor may the
    // statistics count it.
    [Fact]
    public void Ingest_AfterABatchRolledBack_NeitherFindsNorCountsItsArticles()
    {
        using SqliteArticleStore store = Open();
        Ingester ingester = WithAnotherArticle(store);
        using (store.BeginBatch())
        {
            ingester.Ingest(new ArticleSource("wire.txt"), Article(s_sentences));
        }

        string[] edited = [.. s_sentences];
        edited[3] = "Lebih dari dua ribu warga mengungsi ke balai desa dan masjid di dataran tinggi.";
        Assert.Equal(IngestOutcome.Added, ingester.Ingest(new ArticleSource("late.txt"), Article(edited)).Outcome);
        Assert.Equal(2, ingester.Statistics.Articles);
    }

    // The ingester holds the shingles of the articles it stored last, by id. An article rolled back leaves its id free
    // for another connection's article, which must then be verified by its own words, not by the rolled-back one's.
    [Fact]
    public void Ingest_AfterABatchRolledBack_VerifiesACandidateThatTookItsIdByItsOwnWords()
    {
        using SqliteArticleStore store = Open();
        Ingester ingester = WithAnotherArticle(store);
        long rolledBack;
        using (store.BeginBatch())
        {
            rolledBack = ingester.Ingest(new ArticleSource("wire.txt"), Article(s_sentences)).Id!.Value;
        }

        // The report's first four sentences, then others: it shares passages with the report, but copies nothing of it.
        string[] opening = [.. s_sentences[..4], .. Evaluation.SyntheticCorpus.Create(1, seed: 3).First().Text.Split('\n')];
        using (SqliteArticleStore second = Open())
        {
            Assert.Equal(rolledBack, new Ingester(NewsPipeline.Default, second).Ingest(new ArticleSource("opening.txt"), Article(opening)).Id);
        }

        string[] edited = [.. s_sentences];
        edited[3] = "Lebih dari dua ribu warga mengungsi ke balai desa dan masjid di dataran tinggi.";
        PreparedInput late = ingester.Prepare(new ArticleSource("late.txt"), Article(edited));
        Assert.Contains(rolledBack, store.FindByKeys(late.Keys, Ingester.MaxCandidates));
        IngestResult result = ingester.Commit(late);
        Assert.Equal((IngestOutcome.Added, null), (result.Outcome, result.DuplicateOf));
    }

    // An ingester verifies candidates it stored itself with the shingles it made for them; one opened for each article
    // holds none and makes them from the words the store gives back. The two must decide alike.
    [Fact]
    public void Ingest_ByAnIngesterOpenedForEachArticle_DecidesAsOneThatHoldsTheShinglesOfWhatItStored()
    {
        using SqliteArticleStore store = Open(), other = SqliteArticleStore.Open(Path.Combine(_dir, "reopened.db"));
        var ingester = new Ingester(NewsPipeline.Default, store);
        var held = new List<(IngestOutcome, long?, double?)>();
        var read = new List<(IngestOutcome, long?, double?)>();
        foreach (Evaluation.SyntheticArticle article in Evaluation.SyntheticCorpus.Create(80, seed: 5))
        {
            var source = new ArticleSource($"a{article.Id}.txt");
            byte[] text = Encoding.UTF8.GetBytes(article.Text);
            IngestResult result = ingester.Ingest(source, text);
            held.Add((result.Outcome, result.DuplicateOf, result.Near?.Similarity));

            var opened = new Ingester(NewsPipeline.Default, other);
            result = opened.Ingest(source, text);
            opened.Checkpoint();
            read.Add((result.Outcome, result.DuplicateOf, result.Near?.Similarity));
        }

        Assert.Equal(held, read);
        Assert.Contains(held, d => d.Item1 == IngestOutcome.NearDuplicate);
    }

    // Version 12 keeps the recent keys in arrival order; the upgrade moves every one of them.
    [Fact]
    public void UpgradeFromV11_KeepsTheRecentKeys()
    {
        long originalId = StoreOriginalAndClose();
        long recent = Count("SELECT count(*) FROM lsh_keys_recent");
        Assert.True(recent > 0, "the original's keys were merged");
        Execute(OlderSchemas.Version11);
        using SqliteArticleStore upgraded = Open();
        Assert.Equal(recent, Count("SELECT count(*) FROM lsh_keys_recent"));
        AssertALateCopyIsFound(new Ingester(NewsPipeline.Default, upgraded), originalId);
    }

    // A store from before the filter gets one when it is opened, holding the keys stored before.
    [Fact]
    public void UpgradeFromV9_MakesTheFilterOfTheStoredKeys()
    {
        long originalId = StoreOriginalAndClose();
        Execute(OlderSchemas.Version9);
        using SqliteArticleStore upgraded = Open();
        Assert.Equal(1L, Count("SELECT count(*) FROM key_filter"));
        AssertALateCopyIsFound(new Ingester(NewsPipeline.Default, upgraded), originalId);
    }

    // A filter saved before it had a checksum cannot be checked, so the upgrade makes it again: a zeroed one must not be
    // trusted.
    [Fact]
    public void UpgradeFromV10_MakesTheFilterAgain()
    {
        long originalId = StoreOriginalAndClose(merged: true);
        Assert.Equal(0L, Count("SELECT count(*) FROM lsh_keys_recent"));
        Execute(OlderSchemas.Version10 + "UPDATE key_filter SET bits = zeroblob(length(bits));");
        using SqliteArticleStore upgraded = Open();
        Assert.Equal(1L, Count("SELECT count(*) FROM key_filter WHERE checksum IS NOT NULL"));
        AssertALateCopyIsFound(new Ingester(NewsPipeline.Default, upgraded), originalId);
    }

    // The saved filter is only derived data: a row that cannot be one (a damaged file) must neither stop an ingest nor
    // hide a stored copy, and a readable one is saved in its place.
    [Theory]
    [InlineData("UPDATE key_filter SET bits = zeroblob(81923)")]
    [InlineData("UPDATE key_filter SET keys = -5")]
    [InlineData("UPDATE key_filter SET bits = zeroblob(length(bits))")]
    public void Ingest_WithADamagedSavedFilter_MakesItAgainFromTheTables(string damage)
    {
        long originalId = StoreOriginalAndClose(merged: true);
        Assert.Equal(0L, Count("SELECT count(*) FROM lsh_keys_recent"));
        Execute(damage);
        using (SqliteArticleStore store = Open())
        {
            AssertALateCopyIsFound(new Ingester(NewsPipeline.Default, store), originalId);
        }

        Assert.True(SavedFilter().Keys > 0);
    }

    // The outcome, original and story of each of 80 synthetic articles ingested into a new store set up by `setUp`.
    private List<(IngestOutcome, long?, long?)> Decisions(string name, Action<SqliteArticleStore> setUp)
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(Path.Combine(_dir, name));
        setUp(store);
        var ingester = new Ingester(NewsPipeline.Default, store);
        return [.. Evaluation.SyntheticCorpus.Create(80, seed: 5)
            .Select(a => ingester.Ingest(new ArticleSource($"a{a.Id}.txt"), Encoding.UTF8.GetBytes(a.Text)))
            .Select(r => (r.Outcome, r.DuplicateOf, r.Story))];
    }

    private long Count(string sql)
    {
        using SqliteConnection connection = Raw();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private KeyFilter SavedFilter()
    {
        using SqliteConnection connection = Raw();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT keys, bits, checksum FROM key_filter WHERE id = 1";
        using SqliteDataReader reader = command.ExecuteReader();
        Assert.True(reader.Read(), "no filter was saved");
        byte[] bits = (byte[])reader[1];
        KeyFilter? saved = KeyFilter.FromBytes(bits.Length, reader.GetInt64(0), reader.GetInt64(2), span => bits.CopyTo(span));
        Assert.True(saved is not null, $"the saved filter of {bits.Length} bytes and {reader.GetInt64(0)} keys cannot be read");
        return saved;
    }

    private void AssertHoldsEveryMergedKey(KeyFilter saved, int moreThan)
    {
        using SqliteConnection connection = Raw();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM lsh_keys UNION ALL SELECT key FROM lsh_keys_newer";
        using SqliteDataReader keys = command.ExecuteReader();
        int count = 0;
        for (; keys.Read(); count++)
        {
            Assert.True(saved.MayContain(keys.GetInt64(0)), $"merged key {keys.GetInt64(0)} is not in the saved filter");
        }

        Assert.True(count > moreThan, $"only {count} keys were merged");
    }

    private List<(long, long)> KeyRows(string name = "kabar.db")
    {
        using SqliteConnection connection = Raw(name);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = """
            SELECT key, article_id FROM lsh_keys UNION ALL SELECT key, article_id FROM lsh_keys_newer
            UNION ALL SELECT key, article_id FROM lsh_keys_recent ORDER BY article_id, key
            """;
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<(long, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1)));
        }

        return rows;
    }
}
