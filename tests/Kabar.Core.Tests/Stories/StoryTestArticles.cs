using Kabar.Pipeline;
using Kabar.Stories;
using Kabar.Testing;

namespace Kabar.Core.Tests.Stories;

/// <summary>Story features and statistics of the reports in <see cref="StoryTexts"/>.</summary>
internal static class StoryTestArticles
{
    public static StoryFeatures Features(string text, string? published = null) =>
        StoryFeatures.Of(NewsPipeline.Default.Process("test.txt", text).Value!, published: published);

    /// <summary>Statistics over a small corpus that includes the given articles, so idf means something.</summary>
    public static CorpusStatistics Statistics(params StoryFeatures[] articles)
    {
        var statistics = new CorpusStatistics();
        foreach (StoryFeatures f in articles)
        {
            statistics.Add(f, []);
        }

        return statistics;
    }
}
