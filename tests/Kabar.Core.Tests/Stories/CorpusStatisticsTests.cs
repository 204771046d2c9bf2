using Kabar.Stories;
using static Kabar.Core.Tests.Stories.StoryTestArticles;
using static Kabar.Testing.StoryTexts;

namespace Kabar.Core.Tests.Stories;

public class CorpusStatisticsTests
{
    [Fact]
    public void Idf_IsLowerForAWordInEveryArticle()
    {
        CorpusStatistics statistics = Statistics(Features(FloodA), Features(FloodB), Features(Strike));
        Assert.Equal(Math.Log(4.0 / 3.0) + 1, statistics.Idf("cikaret"), 9);    // two of three articles
        Assert.Equal(Math.Log(4.0 / 2.0) + 1, statistics.Idf("pelabuhan"), 9);  // one
        Assert.Equal(Math.Log(4.0 / 1.0) + 1, statistics.Idf("zzz-never-seen"), 9);
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
    }

    [Fact]
    public void ToBytes_RoundTripsEveryCount()
    {
        CorpusStatistics statistics = Statistics(Features(FloodA), Features(Strike));
        statistics.Add(Features(FloodB), [5UL, 6UL]);
        CorpusStatistics read = CorpusStatistics.FromBytes(statistics.ToBytes());
        Assert.Equal(3, read.Articles);
        Assert.Equal(statistics.Idf("cikaret"), read.Idf("cikaret"));
        Assert.Equal(1, read.ShingleArticles(5));
        Assert.Equal(statistics.ToBytes(), read.ToBytes());
    }

    [Fact]
    public void FromBytes_RefusesOtherData()
    {
        Assert.ThrowsAny<Exception>(() => CorpusStatistics.FromBytes([1, 2, 3]));
    }
}
