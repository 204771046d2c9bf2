using System.Text;
using Kabar.Dedup;
using Kabar.Evaluation;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Storage.Sqlite;

namespace Kabar.Cli.Evaluation;

/// <summary>Precision and recall of duplicate detection against brute force, overall and by how similar the copy is.</summary>
/// <param name="Articles">Articles ingested.</param>
/// <param name="TrueDuplicates">Articles that brute force finds to be a copy of an earlier one.</param>
/// <param name="Found">Articles the index marked as a copy.</param>
/// <param name="Correct">Marked articles that brute force agrees are copies.</param>
/// <param name="RecallBySimilarity">Recall per band of the best brute-force similarity ("exact", "0.9–1.0", …, "contained").</param>
internal sealed record DedupScore(int Articles, int TrueDuplicates, int Found, int Correct, IReadOnlyList<(string Band, int Duplicates, double Recall)> RecallBySimilarity)
{
    public double Precision => Found == 0 ? 1 : (double)Correct / Found;

    public double Recall => TrueDuplicates == 0 ? 1 : (double)Correct / TrueDuplicates;
}

/// <summary>
/// Ingests a <see cref="SyntheticCorpus"/> into a real SQLite store and checks every decision against brute force:
/// each article compared with every earlier one on exact story words, shingle Jaccard (≥ <see cref="Ingester.NearJaccard"/>)
/// and containment (≥ <see cref="Ingester.PartialContainment"/>). What the index misses are LSH misses. Copies with fewer
/// shingles than the signature has slots are banded apart ("…, short"): there MinHash estimates are least sure.
/// </summary>
internal static class DedupEvaluation
{
    // A quarter of the originals are briefs: fewer shingles than signature slots, reported apart as "short".
    private const double BriefShare = 0.25;

    public static DedupScore Run(int count, int seed, string databasePath)
    {
        List<SyntheticArticle> corpus = [.. SyntheticCorpus.Create(count, seed, BriefShare)];
        bool[] marked = new bool[count];
        using (SqliteArticleStore store = SqliteArticleStore.Open(databasePath))
        {
            var ingester = new Ingester(NewsPipeline.Default, store);
            using SqliteArticleStore.Batch batch = store.BeginBatch();
            foreach (SyntheticArticle a in corpus)
            {
                IngestOutcome outcome = ingester.Ingest(new ArticleSource($"synthetic:{a.Id}", Published: a.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                    Encoding.UTF8.GetBytes(a.Text)).Outcome;
                marked[a.Id] = outcome is IngestOutcome.ExactDuplicate or IngestOutcome.NearDuplicate;
            }

            batch.Commit();
        }

        string[] words = new string[count];
        ulong[][] shingles = new ulong[count][];
        Parallel.For(0, count, i =>
        {
            words[i] = StoryWords.Of(NewsPipeline.Default.Process($"synthetic:{i}", corpus[i].Text).Value!);
            shingles[i] = Shingles.Of(words[i]);
        });

        string?[] band = new string?[count];
        Parallel.For(0, count, i =>
        {
            double bestJaccard = 0, bestContainment = 0;
            for (int j = 0; j < i; j++)
            {
                if (string.Equals(words[i], words[j], StringComparison.Ordinal))
                {
                    band[i] = "exact";
                    return;
                }

                ShingleOverlap overlap = Shingles.Overlap(shingles[i], shingles[j]);
                bestJaccard = Math.Max(bestJaccard, overlap.Jaccard);
                bestContainment = Math.Max(bestContainment, overlap.Containment);
            }

            string? similarity = bestJaccard >= Ingester.NearJaccard ? $"Jaccard {Math.Floor(bestJaccard * 10) / 10:0.0}+"
                : bestContainment >= Ingester.PartialContainment ? "contained" : null;
            band[i] = similarity is not null && shingles[i].Length < MinHasher.Permutations ? $"{similarity}, short" : similarity;
        });

        int truth = band.Count(b => b is not null), found = marked.Count(m => m);
        int correct = Enumerable.Range(0, count).Count(i => marked[i] && band[i] is not null);
        List<(string, int, double)> bands = [.. Enumerable.Range(0, count).Where(i => band[i] is not null).GroupBy(i => band[i]!)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count(), (double)g.Count(i => marked[i]) / g.Count()))];
        return new DedupScore(count, truth, found, correct, bands);
    }
}
