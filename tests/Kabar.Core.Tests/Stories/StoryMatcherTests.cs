using Kabar.Stories;
using static Kabar.Core.Tests.Stories.StoryTestArticles;
using static Kabar.Testing.StoryTexts;

namespace Kabar.Core.Tests.Stories;

public class StoryMatcherTests
{
    private static readonly StoryFeatures s_floodA = Features(FloodA, "2025-03-03");
    private static readonly StoryFeatures s_floodB = Features(FloodB, "2025-03-04");
    private static readonly StoryFeatures s_strike = Features(Strike, "2025-03-04");
    private static readonly CorpusStatistics s_statistics = Statistics(s_floodA, s_floodB, s_strike);

    private static StoryState Story(long id, StoryFeatures f) =>
        StoryMatcher.Default.Follow(f, null, null, "started the story", s_statistics).State with { Id = id };

    [Fact]
    public void Similarity_IsHighForOneEventAndLowAcrossEvents()
    {
        double same = StoryMatcher.Similarity(s_floodA, s_floodB, s_statistics);
        double different = StoryMatcher.Similarity(s_floodA, s_strike, s_statistics);
        Assert.InRange(same, StoryOptions.Default.Threshold, 1);
        Assert.InRange(different, 0, StoryOptions.Default.Threshold / 2);
    }

    [Fact]
    public void Best_PicksTheStoryOfTheSameEventAndExplainsIt()
    {
        StoryMatch? match = StoryMatcher.Default.Best(s_floodB, [Story(1, s_strike), Story(2, s_floodA)], s_statistics);
        Assert.NotNull(match);
        Assert.Equal(2, match.Story.Id);
        Assert.Equal(1, match.DaysApart);
        Assert.Contains("cikaret", match.Shared);
        StoryAssignment assigned = StoryMatcher.Default.Assign(s_floodB, "Sungai Cikaret Meluap", match, s_statistics);
        Assert.StartsWith("score ", assigned.Reason, StringComparison.Ordinal);
        Assert.Contains("1 days apart", assigned.Reason, StringComparison.Ordinal);
        Assert.Equal(2, assigned.State.Size);
        Assert.Equal((new DateOnly(2025, 3, 3), new DateOnly(2025, 3, 4)), (assigned.State.FirstDay, assigned.State.LastDay));
    }

    // Best weighs a centroid as it merges its keys with the article's; its cosine must be the same to the bit as that
    // of the two feature sets, or decisions at the threshold could change.
    [Theory]
    [InlineData(5)] // fewer features than the article
    [InlineData(int.MaxValue)] // more
    public void Best_ScoresAStoryAsTheCosineOfItsCentroid(int centroidTerms)
    {
        Dictionary<string, float> centroid = s_floodA.Terms.Concat(s_strike.Terms.Where(t => !s_floodA.Terms.ContainsKey(t.Key)))
            .Take(centroidTerms).ToDictionary(StringComparer.Ordinal);
        var story = new StoryState(2, s_floodA.Day, s_floodA.Day, 1, null, FeatureVector.Of(centroid));
        StoryMatch match = new StoryMatcher(new StoryOptions(Threshold: 0)).Best(s_floodB, [story], s_statistics)!;
        double expected = StoryMatcher.Similarity(s_floodB, s_floodB with { Terms = centroid }, s_statistics);
        Assert.Equal(expected, match.Cosine);
        Assert.Equal(expected, StoryMatcher.Similarity(s_floodB with { Terms = centroid }, s_floodB, s_statistics));
        Assert.InRange(match.Cosine, 0.01, 0.99);
    }

    // The cosine by keys against one computed here from the words: the merge must meet every shared key.
    [Fact]
    public void Similarity_IsTheCosineOfTheWeightedFeatures()
    {
        double Weight(StoryFeatures f, string term) =>
            f.Terms.GetValueOrDefault(term) * s_statistics.Idf(CorpusStatistics.FeatureKey(term));
        double Norm(StoryFeatures f) => Math.Sqrt(f.Terms.Keys.Sum(t => Weight(f, t) * Weight(f, t)));
        double dot = s_floodA.Terms.Keys.Sum(t => Weight(s_floodA, t) * Weight(s_floodB, t));
        Assert.Equal(dot / (Norm(s_floodA) * Norm(s_floodB)), StoryMatcher.Similarity(s_floodA, s_floodB, s_statistics), 12);
    }

    [Fact]
    public void Best_IgnoresAStoryOutsideTheWindow()
    {
        StoryFeatures monthLater = s_floodB with { Day = new DateOnly(2025, 4, 20) };
        Assert.Null(StoryMatcher.Default.Best(monthLater, [Story(2, s_floodA)], s_statistics));
    }

    [Fact]
    public void Best_DecaysTheScoreWithDaysApart()
    {
        StoryMatch near = StoryMatcher.Default.Best(s_floodB, [Story(2, s_floodA)], s_statistics)!;
        StoryMatch? later = StoryMatcher.Default.Best(s_floodB with { Day = new DateOnly(2025, 3, 6) }, [Story(2, s_floodA)], s_statistics);
        double expected = near.Cosine * Math.Exp(-3 / StoryOptions.Default.DecayDays);
        Assert.True(later is null || Math.Abs(later.Score - expected) < 1e-9);
        Assert.True(expected < near.Score);
    }

    // The store does not read candidates beyond ReachDays, so none of them may ever have been joinable: an article
    // identical to the story still joins it that many days apart, and no longer a day later.
    [Theory]
    [InlineData(0.25, 3.0)] // the defaults: 4.16 days of decay, so 4
    [InlineData(0.5, 2.0)] // 1.39, so 1
    [InlineData(0.1, 5.0)] // 11.5, so 11
    [InlineData(0.01, 10.0)] // 46, so the window's 14
    public void ReachDays_IsTheLastDayOnWhichAnIdenticalArticleStillJoins(double threshold, double decayDays)
    {
        var matcher = new StoryMatcher(new StoryOptions(Threshold: threshold, DecayDays: decayDays));
        StoryState story = Story(2, s_floodA);
        StoryMatch? At(int days) => matcher.Best(s_floodA with { Day = s_floodA.Day!.Value.AddDays(days) }, [story], s_statistics);
        int reach = matcher.Options.ReachDays;
        Assert.NotNull(At(reach));
        Assert.NotNull(At(-reach));
        Assert.Null(At(reach + 1));
        Assert.Null(At(-reach - 1));
    }

    [Fact]
    public void Best_BreaksTiesTowardTheOlderStory()
    {
        StoryMatch? match = StoryMatcher.Default.Best(s_floodB, [Story(7, s_floodA), Story(3, s_floodA)], s_statistics);
        Assert.Equal(3, match!.Story.Id);
    }

    [Fact]
    public void Follow_KeepsTheEarliestMembersTitleAndBoundsTheCentroid()
    {
        var matcher = new StoryMatcher(StoryOptions.Default with { CentroidTerms = 5 });
        StoryState story = matcher.Follow(s_floodB, "later title", null, "started", s_statistics).State;
        StoryState joined = matcher.Follow(s_floodA, "earlier title", story, "joined", s_statistics).State;
        Assert.Equal("earlier title", joined.Title);
        Assert.Equal(5, joined.Centroid.Count);
        Assert.Equal(StoryOptions.Default.IndexTerms, StoryMatcher.Default.Follow(s_floodA, null, null, "", s_statistics).IndexKeys.Length);
    }

    [Fact]
    public void Follow_KeepsAndIndexesTheStrongestTermsByWeightAndRarity()
    {
        // "beta" is in every article counted, so its idf is 1 against ln 4 + 1 for the others; weights count sublinearly.
        var statistics = new CorpusStatistics();
        for (int i = 0; i < 3; i++)
        {
            statistics.Add(new StoryFeatures(new Dictionary<string, float> { ["beta"] = 1 }, null), []);
        }

        var article = new StoryFeatures(new Dictionary<string, float> { ["alpha"] = 1, ["beta"] = 5, ["gamma"] = 5, ["delta"] = 2 }, null);
        var matcher = new StoryMatcher(StoryOptions.Default with { CentroidTerms = 3, IndexTerms = 1 });
        StoryAssignment started = matcher.Follow(article, null, null, "started", statistics);
        Assert.Equal(Keys("beta", "delta", "gamma"), started.State.Centroid.Keys.ToArray());
        Assert.Equal([5f, 2f, 5f], new[] { "beta", "delta", "gamma" }.Select(t => WeightOf(started.State.Centroid, t)));
        Assert.Equal([CorpusStatistics.FeatureKey("gamma")], started.IndexKeys);
        Assert.Equal([CorpusStatistics.FeatureKey("gamma"), CorpusStatistics.FeatureKey("delta")], matcher.LookupKeys(article.Vector, statistics));
    }

    [Fact]
    public void Follow_SumsTheMembersFeaturesIntoTheCentroid()
    {
        var first = new StoryFeatures(new Dictionary<string, float> { ["alpha"] = 1, ["beta"] = 2 }, null);
        var second = new StoryFeatures(new Dictionary<string, float> { ["beta"] = 3, ["gamma"] = 4 }, null);
        StoryState story = StoryMatcher.Default.Follow(first, null, null, "started", s_statistics).State;
        FeatureVector joined = StoryMatcher.Default.Follow(second, null, story, "joined", s_statistics).State.Centroid;
        Assert.Equal(Keys("alpha", "beta", "gamma"), joined.Keys.ToArray());
        Assert.Equal([1f, 5f, 4f], new[] { "alpha", "beta", "gamma" }.Select(t => WeightOf(joined, t)));
    }

    [Fact]
    public void Follow_BreaksTiesBetweenEquallyStrongTermsByTheirKey()
    {
        var article = new StoryFeatures(new Dictionary<string, float> { ["zeta"] = 2, ["eta"] = 2, ["theta"] = 1 }, null);
        var matcher = new StoryMatcher(StoryOptions.Default with { CentroidTerms = 1, IndexTerms = 1 });
        StoryAssignment started = matcher.Follow(article, null, null, "started", new CorpusStatistics());
        long smaller = Math.Min(CorpusStatistics.FeatureKey("zeta"), CorpusStatistics.FeatureKey("eta"));
        Assert.Equal([smaller], started.State.Centroid.Keys.ToArray());
        Assert.Equal([smaller], started.IndexKeys);
    }

    private static long[] Keys(params string[] terms) => [.. terms.Select(CorpusStatistics.FeatureKey).Order()];

    private static float WeightOf(FeatureVector features, string term) => features.Weights[features.Keys.IndexOf(CorpusStatistics.FeatureKey(term))];
}
