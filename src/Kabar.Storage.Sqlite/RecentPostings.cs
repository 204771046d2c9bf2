namespace Kabar.Storage.Sqlite;

/// <summary>
/// The story postings saved since the last merge (table <c>story_postings_recent</c>), held in memory: each story's
/// latest save there, and the rows by key. A story saved here supersedes its rows in <c>story_postings</c>, which stay
/// until the merge deletes them; a story saved here again supersedes its earlier rows here, which the table drops at
/// once (they are one save's rows, side by side in arrival order) and this keeps until it is made again. Not
/// thread-safe.
/// </summary>
internal sealed class RecentPostings
{
    private readonly Dictionary<long, long> _savedBy = [];
    private readonly Dictionary<long, List<StoryPostingRow>> _byKey = [];

    /// <summary>Rows held, superseded ones included: what a merge waits on.</summary>
    public long Rows { get; private set; }

    /// <summary>The stories saved here.</summary>
    public IReadOnlyCollection<long> Stories => _savedBy.Keys;

    /// <summary>Records that <paramref name="story"/> was saved by <paramref name="savedBy"/> with
    /// <paramref name="keys"/>; returns the article whose save here it supersedes, if any.</summary>
    public long? Save(long story, long savedBy, int? firstDay, int? lastDay, IEnumerable<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        long? superseded = _savedBy.TryGetValue(story, out long earlier) ? earlier : null;
        _savedBy[story] = savedBy;
        foreach (long key in keys)
        {
            Add(key, new StoryPostingRow(story, savedBy, firstDay, lastDay));
        }

        return superseded;
    }

    /// <summary>Adds a row read from the table: its story's latest save here.</summary>
    public void Load(long key, StoryPostingRow row)
    {
        _savedBy[row.Story] = row.SavedBy;
        Add(key, row);
    }

    /// <summary>Whether <paramref name="story"/> was saved here, which makes its rows in the merged table stale.</summary>
    public bool Supersedes(long story) => _savedBy.ContainsKey(story);

    /// <summary>The live rows of <paramref name="key"/> saved before <paramref name="before"/>, in no order.</summary>
    public IEnumerable<StoryPostingRow> Live(long key, long before) =>
        _byKey.TryGetValue(key, out List<StoryPostingRow>? rows)
            ? rows.Where(r => r.SavedBy < before && _savedBy[r.Story] == r.SavedBy)
            : [];

    /// <summary>Every live row with its key, ordered by key, then save: the order of the merged table.</summary>
    public List<(long Key, StoryPostingRow Row)> LiveInKeyOrder()
    {
        List<(long Key, StoryPostingRow Row)> live = [.. _byKey.SelectMany(k => k.Value.Where(r => _savedBy[r.Story] == r.SavedBy).Select(r => (k.Key, r)))];
        live.Sort((a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Row.SavedBy.CompareTo(b.Row.SavedBy));
        return live;
    }

    private void Add(long key, StoryPostingRow row)
    {
        if (!_byKey.TryGetValue(key, out List<StoryPostingRow>? rows))
        {
            rows = [];
            _byKey[key] = rows;
        }

        rows.Add(row);
        Rows++;
    }
}
