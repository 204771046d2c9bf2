using BenchmarkDotNet.Attributes;
using Kabar.Storage.Sqlite;

namespace Kabar.Benchmarks;

/// <summary>The story look-up in memory (<see cref="StoryPostings.Find"/>) once an article's keys are read, in the
/// shape a count over 75,000 articles into the 1,015,000-article store found (55,824 look-ups): 20 keys; ~2,250
/// postings passed over a look-up, of which 29% lie in its ±14-day window (the corpus's days span three months); ~630
/// different stories counted, nearly all of them once; a quarter of the postings in the window of stories saved during
/// the run, among ~70,000 stories saved in all.</summary>
[MemoryDiagnoser]
public class StoryPostingsBenchmarks
{
    private const int Keys = 20, RowsPerKey = 450, PerKey = 32, Limit = 16, WindowDays = 14, ReachDays = 4, SpanDays = 90;
    private const int SavedStories = 70_000, Stories = 1_100_000;
    private static readonly DateOnly Day = new(2025, 6, 15);

    private StoryPostings _postings = null!;
    private long[] _keys = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _keys = [.. Enumerable.Range(1, Keys).Select(k => (long)k * 1_000_003)];
        int firstDay = Day.DayNumber - SpanDays / 2;
        Dictionary<long, StoryPostingRow[]> rows = _keys.ToDictionary(key => key, _ => Enumerable.Range(0, RowsPerKey)
            .Select(i =>
            {
                int first = firstDay + random.Next(SpanDays);
                return new StoryPostingRow(random.Next(1, Stories), Stories - i, first, first + random.Next(0, 2));
            }).ToArray());
        _postings = new StoryPostings((key, before, count) => [.. rows[key].Where(r => r.SavedBy < before).Take(count)]);

        // Read every key's whole list, then save a quarter of the stories again under the same key (a live posting at
        // the key's newest end, a stale one left behind) and enough others under keys no look-up asks for.
        _postings.Find(_keys, Day, 400, 400, RowsPerKey, Limit);
        foreach ((long key, StoryPostingRow[] keyRows) in rows)
        {
            foreach (StoryPostingRow row in keyRows.Where(_ => random.Next(4) == 0))
            {
                _postings.Save(row.Story, DateOnly.FromDayNumber(row.FirstDay!.Value), DateOnly.FromDayNumber(row.LastDay!.Value), [key]);
            }
        }

        for (int i = Keys * RowsPerKey / 4; i < SavedStories; i++)
        {
            _postings.Save(random.Next(1, Stories), Day, Day, [-1]);
        }
    }

    [Benchmark]
    public List<long> Find() => _postings.Find(_keys, Day, WindowDays, ReachDays, PerKey, Limit);
}
