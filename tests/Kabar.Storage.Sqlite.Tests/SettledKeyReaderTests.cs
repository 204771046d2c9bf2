using System.Text;
using Kabar.Pipeline;
using Kabar.Storage;
using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite.Tests;

// Duplicate candidates found ahead of the commit on a reader's snapshot (SettledKeyReader) serve only while the
// writer's settled keys are those the reader saw: after a merge, a rollback or another process's write the writer
// looks them up itself.
public sealed class SettledKeyReaderTests : IDisposable
{
    private static readonly string s_report = string.Join("\n",
        "Kapal feri yang membawa tiga ratus penumpang kandas di perairan dangkal dekat Pelabuhan Teluk Ranu pada Rabu pagi.",
        "Nakhoda melaporkan mesin kapal mati ketika gelombang setinggi dua meter menghantam lambung kanan.",
        "Tim penyelamat mengevakuasi seluruh penumpang dengan empat kapal nelayan dan dua perahu karet milik polisi air.",
        "Tujuh penumpang dirawat di puskesmas karena luka ringan, sementara seorang anak buah kapal patah tangan.",
        "Otoritas pelabuhan menunda semua pelayaran ke pulau-pulau di selatan sampai cuaca membaik.",
        "Penyidik memeriksa buku catatan perawatan mesin dan rekaman percakapan radio pada malam sebelumnya.");

    private static readonly byte[] s_other = Encoding.UTF8.GetBytes(string.Join("\n",
        "Harga cabai merah di pasar induk naik dua kali lipat menjelang akhir pekan karena pasokan dari dataran tinggi berkurang.",
        "Pedagang mengatakan hujan sepanjang bulan membuat banyak petani gagal panen di tiga kabupaten pemasok utama.",
        "Dinas perdagangan berjanji menggelar operasi pasar mulai Senin di dua belas titik."));

    // A bogus article that no key leads to: only an answer taken from the reader puts it among the candidates.
    private const long Planted = 999_999;

    private readonly string _dir = Directory.CreateTempSubdirectory("kabar-ahead-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private string DbPath => Path.Combine(_dir, "kabar.db");

    [Fact]
    public void Find_ReturnsTheSettledArticlesSharingKeys_WithTheirWords_AndTheWriterUsesTheAnswer()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        store.MergeKeysAtLeast = 1;
        var ingester = new Ingester(NewsPipeline.Default, store);
        long original = ingester.Ingest(new ArticleSource("wire.txt"), Encoding.UTF8.GetBytes(s_report)).Id!.Value;
        PreparedInput copy = ingester.Prepare(new ArticleSource("copy.txt"), Encoding.UTF8.GetBytes(s_report + "\nSatu kalimat tambahan."));

        using ISettledKeyReader reader = store.OpenSettledKeyReader()!;
        SettledCandidates found = reader.Find(copy.Keys, Ingester.MaxCandidates)!;

        Assert.Equal(original, Assert.Single(found.Shared).Key);
        Assert.True(found.Shared[0].Value > 10, $"only {found.Shared[0].Value} keys shared");
        Assert.Equal(store.GetWords(original), found.Words[original]);
        Assert.Equal([Planted, original], store.FindByKeys(copy.Keys, Ingester.MaxCandidates, Planting(found)));
    }

    [Fact]
    public void FindByKeys_AfterAMergeSinceTheAnswer_LooksTheKeysUpAgain()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        store.MergeKeysAtLeast = long.MaxValue;
        var ingester = new Ingester(NewsPipeline.Default, store);
        long original = ingester.Ingest(new ArticleSource("wire.txt"), Encoding.UTF8.GetBytes(s_report)).Id!.Value;
        long[] keys = ingester.Prepare(new ArticleSource("copy.txt"), Encoding.UTF8.GetBytes(s_report)).Keys;
        using ISettledKeyReader reader = store.OpenSettledKeyReader()!;
        // The original's keys are recent: the reader does not see them, and the writer counts them from memory.
        SettledCandidates before = reader.Find(keys, Ingester.MaxCandidates)!;
        Assert.Empty(before.Shared);
        Assert.Equal([Planted, original], store.FindByKeys(keys, Ingester.MaxCandidates, Planting(before)));

        // The next article's commit merges the original's keys out of memory: the answer from before would now miss it.
        store.MergeKeysAtLeast = 1;
        ingester.Ingest(new ArticleSource("other.txt"), s_other);

        Assert.Equal([original], store.FindByKeys(keys, Ingester.MaxCandidates, Planting(before)));
    }

    // Ingest commits a batch early once its settled keys have changed, so that answers found ahead serve again.
    [Fact]
    public void Batch_SaysWhenItsSettledKeysChanged_UntilItCommits()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        store.MergeKeysAtLeast = long.MaxValue;
        var ingester = new Ingester(NewsPipeline.Default, store);
        ingester.Ingest(new ArticleSource("first.txt"), s_other);

        SqliteArticleStore.Batch batch = store.BeginBatch();
        ingester.Ingest(new ArticleSource("wire.txt"), Encoding.UTF8.GetBytes(s_report));
        Assert.False(batch.SettledKeysChanged, "no merge yet");

        store.MergeKeysAtLeast = 1;
        ingester.Ingest(new ArticleSource("copy.txt"), Encoding.UTF8.GetBytes(s_report + "\nSatu kalimat tambahan."));
        Assert.True(batch.SettledKeysChanged, "merged");

        batch.Commit();
        using SqliteArticleStore.Batch next = store.BeginBatch();
        Assert.False(next.SettledKeysChanged, "committed");
    }

    [Fact]
    public void FindByKeys_AfterARollback_LooksTheKeysUpAgain()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        (long[] keys, SettledCandidates before) = AnswerForACopyOfTheReport(store, ingester);

        using (store.BeginBatch())
        {
            ingester.Ingest(new ArticleSource("wire.txt"), Encoding.UTF8.GetBytes(s_report));
        }

        Assert.Empty(store.FindByKeys(keys, Ingester.MaxCandidates, Planting(before)));
    }

    [Fact]
    public void FindByKeys_AfterAnotherProcessMergedKeys_LooksTheKeysUpAgain()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(DbPath);
        var ingester = new Ingester(NewsPipeline.Default, store);
        (long[] keys, SettledCandidates before) = AnswerForACopyOfTheReport(store, ingester);

        long original;
        using (SqliteArticleStore other = SqliteArticleStore.Open(DbPath))
        {
            other.MergeKeysAtLeast = 1;
            original = new Ingester(NewsPipeline.Default, other).Ingest(new ArticleSource("wire.txt"), Encoding.UTF8.GetBytes(s_report)).Id!.Value;
        }

        Assert.Equal([original], store.FindByKeys(keys, Ingester.MaxCandidates, Planting(before)));
    }

    // Articles prepared `ahead` inputs before their commit, their candidates found then, while the keys are merged every
    // few articles: the same duplicates and stories as a look-up made at each commit.
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Ingest_WithCandidatesFoundAhead_DecidesAsWithout(int ahead)
    {
        List<(IngestOutcome, long?, long?)> atCommit = Decisions("at-commit.db", ahead: null), foundAhead = Decisions("ahead.db", ahead);

        Assert.Equal(atCommit, foundAhead);
        Assert.Contains(foundAhead, d => d.Item1 == IngestOutcome.NearDuplicate);
    }

    private List<(IngestOutcome, long?, long?)> Decisions(string name, int? ahead)
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(Path.Combine(_dir, name));
        store.MergeKeysAtLeast = 500;
        var ingester = new Ingester(NewsPipeline.Default, store);
        using ISettledKeyReader? reader = ahead is null ? null : store.OpenSettledKeyReader();
        var prepared = new Queue<PreparedInput>();
        var decided = new List<(IngestOutcome, long?, long?)>();
        int withSettledCandidates = 0;
        foreach (Evaluation.SyntheticArticle a in Evaluation.SyntheticCorpus.Create(80, seed: 5))
        {
            PreparedInput input = ingester.Prepare(new ArticleSource($"a{a.Id}.txt"), Encoding.UTF8.GetBytes(a.Text), reader);
            withSettledCandidates += input.Ahead?.Settled.Shared.Count > 0 ? 1 : 0;
            prepared.Enqueue(input);
            if (prepared.Count > (ahead ?? 0))
            {
                Decide(prepared.Dequeue());
            }
        }

        while (prepared.Count > 0)
        {
            Decide(prepared.Dequeue());
        }

        Assert.True(ahead is null || withSettledCandidates > 5, $"{withSettledCandidates} articles had settled candidates found ahead");
        return decided;

        void Decide(PreparedInput input)
        {
            IngestResult result = ingester.Commit(input);
            decided.Add((result.Outcome, result.DuplicateOf, result.Story));
        }
    }

    // The keys of a copy of the report, and the reader's answer for them, before the report is stored.
    private static (long[] Keys, SettledCandidates Answer) AnswerForACopyOfTheReport(SqliteArticleStore store, Ingester ingester)
    {
        ingester.Ingest(new ArticleSource("first.txt"), s_other);
        long[] keys = ingester.Prepare(new ArticleSource("copy.txt"), Encoding.UTF8.GetBytes(s_report)).Keys;
        using ISettledKeyReader reader = store.OpenSettledKeyReader()!;
        return (keys, reader.Find(keys, Ingester.MaxCandidates)!);
    }

    // The answer with the planted article put first, as if the reader had found it.
    private static SettledCandidates Planting(SettledCandidates found) =>
        found with { Shared = [new KeyValuePair<long, int>(Planted, 1_000), .. found.Shared] };
}
