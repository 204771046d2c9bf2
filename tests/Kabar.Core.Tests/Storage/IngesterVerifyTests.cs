using Kabar.Dedup;
using Kabar.Storage;
using Kabar.Stories;
using static Kabar.Core.Tests.Stories.StoryTestArticles;
using static Kabar.Testing.StoryTexts;

namespace Kabar.Core.Tests.Storage;

public class IngesterVerifyTests
{
    // Shingles 1 to 40 are frequent: each is counted in as many articles as that takes.
    private static readonly CorpusStatistics s_statistics = WithFrequent(40);

    private static CorpusStatistics WithFrequent(int count)
    {
        var statistics = new CorpusStatistics();
        ulong[] frequent = [.. Enumerable.Range(1, count).Select(i => (ulong)i)];
        for (int i = 0; i < CorpusStatistics.FrequentShingleArticles; i++)
        {
            statistics.Add(Features(FloodA), frequent);
        }

        return statistics;
    }

    // What verifying meant before it stopped early: the candidate's frequent shingles dropped, then both measures.
    private static NearDuplicate? Reference(ulong[] shingles, ulong[] other, long candidate)
    {
        ShingleOverlap overlap = Shingles.Overlap(shingles, s_statistics.WithoutFrequent(other));
        return overlap.Jaccard >= Ingester.NearJaccard ? new NearDuplicate(candidate, "near", overlap.Jaccard)
            : overlap.Containment >= Ingester.PartialContainment ? new NearDuplicate(candidate, "contained", overlap.Containment)
            : null;
    }

    // Pairs around both thresholds: the article and the candidate share a part of the article, each has shingles of its
    // own, and the candidate has frequent ones too, up to most of its set. Stopping early must decide every pair as
    // the whole count does, to the last bit of the similarity.
    [Fact]
    public void Verify_DecidesAsDroppingTheFrequentShinglesFirst_NearPartialAndNeither()
    {
        var random = new Random(11);
        var kinds = new Dictionary<string, int>();
        for (int n = 0; n < 20_000; n++)
        {
            ulong[] article = Distinct(random, random.Next(1, 300));
            double sharedRate = 0.3 + 0.7 * random.NextDouble();
            ulong[] shared = [.. article.Where(_ => random.NextDouble() < sharedRate)];
            ulong[] other = [.. shared, .. Distinct(random, random.Next(0, article.Length / 2 + 1)),
                .. Enumerable.Range(1, random.Next(0, 41)).Select(i => (ulong)i)];
            Array.Sort(other);
            NearDuplicate? expected = Reference(article, other, n), verified = Ingester.Verify(article, other, n, s_statistics);
            Assert.Equal(expected, verified);
            kinds[expected?.Kind ?? "neither"] = kinds.GetValueOrDefault(expected?.Kind ?? "neither") + 1;
        }

        Assert.All(new[] { "near", "contained", "neither" }, kind => Assert.True(kinds.GetValueOrDefault(kind) > 1000, $"{kind}: {kinds.GetValueOrDefault(kind)}"));
    }

    // Random shingles above the frequent ones, distinct and sorted.
    private static ulong[] Distinct(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64(1_000, long.MaxValue)).Distinct().Order()];
}
