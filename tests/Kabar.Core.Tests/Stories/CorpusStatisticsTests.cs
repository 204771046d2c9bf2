using System.Buffers.Binary;
using System.IO.Compression;
using Kabar.Stories;
using Kabar.Testing;
using static Kabar.Core.Tests.Stories.StoryTestArticles;
using static Kabar.Testing.StoryTexts;

namespace Kabar.Core.Tests.Stories;

public class CorpusStatisticsTests
{
    [Fact]
    public void Idf_IsLowerForAWordInEveryArticle()
    {
        CorpusStatistics statistics = Statistics(Features(FloodA), Features(FloodB), Features(Strike));
        Assert.Equal(Math.Log(4.0 / 3.0) + 1, statistics.Idf(CorpusStatistics.FeatureKey("cikaret")), 9);    // two of three articles
        Assert.Equal(Math.Log(4.0 / 2.0) + 1, statistics.Idf(CorpusStatistics.FeatureKey("pelabuhan")), 9);  // one
        Assert.Equal(Math.Log(4.0 / 1.0) + 1, statistics.Idf(CorpusStatistics.FeatureKey("zzz-never-seen")), 9);
    }

    [Fact]
    public void IsFrequent_OnlyFromTheMinimumNumberOfArticles()
    {
        var statistics = new CorpusStatistics();
        StoryFeatures f = Features(FloodA);
        for (int i = 1; i < CorpusStatistics.FrequentShingleArticles; i++)
        {
            statistics.Add(f, [42UL, (ulong)i * 0x9E3779B97F4A7C15UL]);
        }

        Assert.False(statistics.IsFrequent(42));
        statistics.Add(f, [42UL]);
        Assert.True(statistics.IsFrequent(42));
        Assert.Equal([7UL, 9UL], statistics.WithoutFrequent([7UL, 9UL, 42UL]));
        Assert.Equal([7UL, 9UL], statistics.WithoutFrequent([42UL, 7UL, 9UL]));
        Assert.Equal([7UL, 9UL], statistics.WithoutFrequent([7UL, 42UL, 9UL]));
        Assert.Empty(statistics.WithoutFrequent([42UL]));
        ulong[] rare = [7UL, 9UL];
        Assert.Same(rare, statistics.WithoutFrequent(rare));
    }

    // A sketch of 2 × 1,024 counters, a generation of 16 shingles a counter (164 articles). Counted over all articles, the 2,000,000
    // shingles below would put ~1,000 in every counter and make every shingle frequent; counted over the last two
    // generations, a shingle never seen stays rare, a template in every article stays frequent, and a template
    // dropped two generations ago is forgotten.
    [Fact]
    public void ShingleCounts_CoverRecentArticlesOnly_HoweverManyAreCounted()
    {
        var statistics = new CorpusStatistics(shingleBits: 10, shinglesPerGeneration: 16 << 10);
        var random = new Random(7);
        StoryFeatures f = Features(FloodA);
        ulong[] Shingles(ulong template) => [template, .. Enumerable.Range(0, 99).Select(_ => (ulong)random.NextInt64())];
        for (int i = 0; i < 20_000; i++)
        {
            statistics.Add(f, Shingles(42));
        }

        Assert.True(statistics.IsFrequent(42));
        Assert.DoesNotContain(Enumerable.Range(0, 10_000).Select(_ => (ulong)random.NextInt64()), statistics.IsFrequent);

        for (int i = 0; i < 2 * (16 << 10) / 100 + 1; i++)
        {
            statistics.Add(f, Shingles(43));
        }

        Assert.Equal((false, true), (statistics.IsFrequent(42), statistics.IsFrequent(43)));
    }

    // Format 1 counted shingles over all articles; reading it keeps the features and counts the recent articles'
    // shingles again, so a store whose counters had all filled up finds copies again.
    [Fact]
    public void FromBytes_Format1_KeepsFeaturesAndCountsRecentShinglesAgain()
    {
        CorpusStatistics read = CorpusStatistics.FromBytes(StatisticsVersion1.Bytes(articles: 5, shingleCount: ushort.MaxValue),
            () => [[42UL, 7UL], [42UL]]);
        Assert.Equal(5, read.Articles);
        Assert.Equal(Math.Log(6.0) + 1, read.Idf(CorpusStatistics.FeatureKey("cikaret")), 9);
        Assert.Equal((2, 1, 0), (read.ShingleArticles(42), read.ShingleArticles(7), read.ShingleArticles(8)));
    }

    [Fact]
    public void ToBytes_RoundTripsEveryCount()
    {
        CorpusStatistics statistics = Statistics(Features(FloodA), Features(Strike));
        statistics.Add(Features(FloodB), [5UL, 6UL]);
        CorpusStatistics read = CorpusStatistics.FromBytes(statistics.ToBytes());
        Assert.Equal(3, read.Articles);
        Assert.Equal(statistics.Idf(CorpusStatistics.FeatureKey("cikaret")), read.Idf(CorpusStatistics.FeatureKey("cikaret")));
        Assert.Equal(1, read.ShingleArticles(5));
        Assert.Equal(statistics.ToBytes(), read.ToBytes());
    }

    // Format 2 stores the current generation's counters, then the previous one's, each first row then second. A shingle's
    // count is the smaller of its two rows' counters in each generation, summed; the generation the saved counts were
    // current in is the one dropped last.
    [Fact]
    public void FromBytes_Format2_ReadsEachGenerationsRowsWhereTheyWereSaved()
    {
        byte[] saved = Format2(shinglesCounted: CorpusStatistics.ShinglesPerGeneration - 1, current: (3, 4), previous: (5, 9));
        CorpusStatistics read = CorpusStatistics.FromBytes(saved);
        Assert.Equal(3 + 5, read.ShingleArticles(42));
        Assert.Equal(Unzipped(saved), Unzipped(read.ToBytes()));

        // The generation's last shingle (in buckets of its own): the saved current counts become the previous ones.
        read.Add(Features(FloodA), [ulong.MaxValue]);
        Assert.Equal(3, read.ShingleArticles(42));

        // Saved again, the new generation comes first (nothing counted yet), then the one now previous, which counted
        // that shingle in its first row's last counter (its second row's was already the larger).
        byte[] generations = Unzipped(read.ToBytes())[(20 + (4 << 21))..];
        const int Row = 1 << 21;
        Assert.Equal(2 * Row, generations.AsSpan(0, 2 * Row).Count((byte)0));
        Assert.Equal((Row - 1, (byte)4), (generations.AsSpan(2 * Row, Row).Count((byte)3), generations[(3 * Row) - 1]));
        Assert.Equal(Row, generations.AsSpan(3 * Row, Row).Count((byte)4));
    }

    [Fact]
    public void FromBytes_RefusesOtherData()
    {
        Assert.ThrowsAny<Exception>(() => CorpusStatistics.FromBytes([1, 2, 3]));
    }

    // Statistics of format 2 with no feature counted and every shingle counter of each generation's two rows as given.
    private static byte[] Format2(long shinglesCounted, (byte First, byte Second) current, (byte First, byte Second) previous)
    {
        const int Row = 1 << 21;
        using var buffer = new MemoryStream();
        using (var zip = new ZLibStream(buffer, CompressionLevel.Fastest))
        {
            byte[] header = new byte[20];
            BinaryPrimitives.WriteInt32LittleEndian(header, 2);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(4), 7);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(12), shinglesCounted);
            zip.Write(header);
            zip.Write(new byte[4 << 21]);
            foreach ((byte first, byte second) in new[] { current, previous })
            {
                zip.Write(Enumerable.Repeat(first, Row).ToArray());
                zip.Write(Enumerable.Repeat(second, Row).ToArray());
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Unzipped(byte[] bytes)
    {
        using var unzipped = new MemoryStream();
        using (var zip = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress))
        {
            zip.CopyTo(unzipped);
        }

        return unzipped.ToArray();
    }
}
