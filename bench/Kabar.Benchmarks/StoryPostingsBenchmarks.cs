using BenchmarkDotNet.Attributes;
using Kabar.Storage.Sqlite;

namespace Kabar.Benchmarks;

/// <summary>The story look-up in memory (<see cref="StoryPostings.Find"/>) once an article's keys are read: counting
/// the stories its 20 look-up keys were recently taken by, 32 a key, and keeping the 16 that share the most. At a
/// million articles most of a key's recent stories are different ones, so most counts are 1.</summary>
[MemoryDiagnoser]
public class StoryPostingsBenchmarks
{
    private const int Keys = 20, PerKey = 32, Limit = 16, WindowDays = 14, ReachDays = 4;
    private static readonly DateOnly Day = new(2025, 6, 15);

    private StoryPostings _postings = null!;
    private long[] _keys = [];

    [GlobalSetup]
    public void Setup()
    {
        // Each key was taken by 400 saves of stories drawn from 3,000, each spanning a day or two around the article's.
        var random = new Random(7);
        _keys = [.. Enumerable.Range(1, Keys).Select(k => (long)k * 1_000_003)];
        Dictionary<long, StoryPostingRow[]> rows = _keys.ToDictionary(key => key, _ => Enumerable.Range(0, 400)
            .Select(i =>
            {
                int first = Day.DayNumber + random.Next(-WindowDays, WindowDays);
                return new StoryPostingRow(random.Next(1, 3_000), 1_000_000 - i, first, first + random.Next(0, 2));
            }).ToArray());
        _postings = new StoryPostings((key, before, count) => [.. rows[key].Where(r => r.SavedBy < before).Take(count)]);
        _postings.Find(_keys, Day, WindowDays, ReachDays, PerKey, Limit);
    }

    [Benchmark]
    public List<long> Find() => _postings.Find(_keys, Day, WindowDays, ReachDays, PerKey, Limit);
}
