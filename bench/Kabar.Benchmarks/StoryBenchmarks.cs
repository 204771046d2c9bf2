using BenchmarkDotNet.Attributes;
using Kabar.Evaluation;
using Kabar.Pipeline;
using Kabar.Stories;

namespace Kabar.Benchmarks;

/// <summary>The story grouping work the committing thread does for each article, without a store: its look-up keys,
/// scoring it against as many candidate stories as a look-up returns, and joining the best.</summary>
[MemoryDiagnoser]
public class StoryBenchmarks
{
    private readonly StoryMatcher _matcher = StoryMatcher.Default;
    private readonly CorpusStatistics _statistics = new();
    private StoryFeatures _article = null!;
    private StoryState[] _candidates = [];

    [GlobalSetup]
    public void Setup()
    {
        // Generated ~400-word articles: the statistics count them all, and each candidate story is four of them joined,
        // so its centroid is full (100 features) as a story's is after a few members.
        StoryFeatures[] articles = [.. SyntheticCorpus.Create(400).Select(a => StoryFeatures.Of(NewsPipeline.Default.Process("bench", a.Text).Value!, a.Title))];
        foreach (StoryFeatures features in articles)
        {
            _statistics.Add(features, []);
        }

        _article = articles[0];
        _candidates = [.. Enumerable.Range(0, _matcher.Options.MaxCandidates).Select(i =>
            articles.Skip(1 + 4 * i).Take(4).Aggregate((StoryState?)null, (story, member) => _matcher.Follow(member, null, story, "", _statistics).State with { Id = i + 1 })!)];
    }

    [Benchmark]
    public long[] LookupKeys() => _matcher.LookupKeys(_article.Vector, _statistics);

    [Benchmark]
    public StoryMatch? Score() => _matcher.Best(_article, _candidates, _statistics);

    [Benchmark]
    public StoryAssignment Join() => _matcher.Follow(_article, null, _candidates[0], "", _statistics);
}
