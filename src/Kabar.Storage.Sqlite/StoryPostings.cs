using System.Runtime.InteropServices;

namespace Kabar.Storage.Sqlite;

/// <summary>A row of the story index: a story that took a key, the article whose arrival saved it (which orders a
/// key's rows by save), and the days it spans (null for undated).</summary>
internal readonly record struct StoryPostingRow(long Story, long SavedBy, int? FirstDay, int? LastDay);

/// <summary>
/// The story index (view <c>story_postings_live</c>: the merged table and the saves since) held in memory for the
/// look-up every ingested article makes: per index key, the stories that took it, in the order they were saved. It
/// answers exactly what the table would: for each key, the <c>perKey</c> stories that most recently took it among
/// those whose days overlap the article's window. Asking
/// the table cost 40% of the committing thread at a million articles, where a common word has thousands of postings in
/// any window that SQLite read and sorted by recency every time; here a key's list is read from its newest end and the
/// reading stops after <c>perKey</c>.
/// <para>A key's postings are read from the table (<paramref name="readOlder"/>) newest first, and only as far back as
/// a look-up needs: a chunk when the key is first looked up, then chunks twice as large whenever a look-up runs out of
/// them before it has <c>perKey</c> in its window. Opening costs nothing, and memory holds only the keys an ingest
/// meets and their recent ends. Reading whole lists instead read ~290 postings a key, most of them never looked at.
/// Saves reach the table and the keys already read alike. A story saved again gets new postings at the end of its
/// keys' lists; its old ones stay behind, marked stale by the story's save number, until the postings saved since the
/// last sweep outnumber those it kept and every list is swept.</para>
/// </summary>
/// <param name="readOlder">Up to <c>count</c> rows of <c>key</c> saved before <c>before</c> (an article id), newest
/// first.</param>
/// <param name="sweepAtLeast">Stale postings below which a sweep is not worth a pass over every list.</param>
internal sealed class StoryPostings(Func<long, long, int, IReadOnlyList<StoryPostingRow>> readOlder, int sweepAtLeast = 1 << 16)
{
    // The days an undated story spans: all of them.
    private const int UndatedFirst = int.MinValue, UndatedLast = int.MaxValue;

    private readonly Dictionary<long, KeyPostings> _byKey = [];

    // The stories a look-up counts, kept from one look-up to the next so that it is not grown again each time.
    private readonly Dictionary<long, Tally> _shared = [];

    // The number of each story's latest save here. Only the postings of that save are live; the table's rows are a
    // story's latest, so they get that number when they are read (and 0, for a story not saved here). Stories are
    // numbered by their first article, so ids below BitmapStories are kept by id in an array: a look-up reads ~2,250
    // postings, and a dictionary of the ~70,000 stories saved took three misses of the processor's caches for each
    // (1.2 s of the committing thread in 75,000 articles at a million). Larger ids go to the dictionary.
    private const long BitmapStories = 1L << 28;
    private int[] _saveOf = [];
    private readonly Dictionary<long, int> _savedBeyond = [];
    private int _saves;

    // The same stories below BitmapStories as bits by id: three in four postings a look-up counts at a million articles
    // are of stories not saved here, and these bits (an eighth of a megabyte) answer for them from the processor's
    // second-level cache, where _saveOf is 32 times larger.
    private ulong[] _savedHere = [];

    // Postings held after the last sweep, and postings saved since: a sweep is due when the second outgrows the first.
    private long _heldAfterSweep, _savedSinceSweep;

    /// <summary>Records that <paramref name="story"/>, spanning <paramref name="firstDay"/> to
    /// <paramref name="lastDay"/> (null for undated), is now indexed by <paramref name="keys"/> and nothing else. Call
    /// it after the table has the same rows.</summary>
    public void Save(long story, DateOnly? firstDay, DateOnly? lastDay, IEnumerable<long> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        int save = ++_saves;
        MarkSaved(story, save);
        var posting = new Posting(story, save, firstDay?.DayNumber ?? UndatedFirst, lastDay?.DayNumber ?? UndatedLast);
        foreach (long key in keys)
        {
            // A key not read yet gets this row from the table when it is; its row is newer than any a key read so far
            // has left to read.
            if (_byKey.TryGetValue(key, out KeyPostings? postings))
            {
                postings.Saved.Add(posting);
                _savedSinceSweep++;
            }
        }

        // A story saved again leaves about as many stale postings behind as it adds (it keeps most of its keys), so
        // sweeping once the postings saved since the last sweep match those it kept holds the stale ones to about as
        // many as the live, for about one pass over a posting per posting saved.
        if (_savedSinceSweep >= Math.Max(sweepAtLeast, _heldAfterSweep))
        {
            Sweep();
        }
    }

    /// <summary>Of the <paramref name="limit"/> stories sharing the most keys with <paramref name="keys"/> (then the
    /// oldest), those within <paramref name="reachDays"/> of <paramref name="day"/>, in that order; each key contributes
    /// the <paramref name="perKey"/> stories within <paramref name="windowDays"/> of the day (any, for an undated
    /// article) that took it most recently.</summary>
    public List<long> Find(long[] keys, DateOnly? day, int windowDays, int reachDays, int perKey, int limit)
    {
        ArgumentNullException.ThrowIfNull(keys);
        (int from, int to) = Around(day, windowDays);
        (int nearFrom, int nearTo) = Around(day, reachDays);
        // Most look-ups find their perKey within a few times as many postings.
        int firstChunk = 4 * perKey;
        Dictionary<long, Tally> shared = _shared;
        shared.Clear();
        foreach (long key in keys)
        {
            if (!_byKey.TryGetValue(key, out KeyPostings? postings))
            {
                postings = new KeyPostings();
                _byKey[key] = postings;
            }

            // Newest first: the postings saved since the key was read, then the rows read, reading more as needed.
            int found = 0, saved = postings.Saved.Count, i = 0;
            while (found < perKey)
            {
                if (i == saved + postings.Read.Count)
                {
                    if (postings.AllRead)
                    {
                        break;
                    }

                    ReadOlder(key, postings, Math.Max(firstChunk, 2 * postings.Read.Count));
                    continue;
                }

                Posting p = i < saved ? postings.Saved[saved - 1 - i] : postings.Read[i - saved];
                i++;
                if (p.LastDay >= from && p.FirstDay <= to && IsLive(p))
                {
                    // A story's live postings all carry the days of its latest save.
                    ref Tally tally = ref CollectionsMarshal.GetValueRefOrAddDefault(shared, p.Story, out _);
                    tally = new Tally(tally.Count + 1, p.LastDay >= nearFrom && p.FirstDay <= nearTo);
                    found++;
                }
            }
        }

        return Most(shared, limit);
    }

    private static (int From, int To) Around(DateOnly? day, int days) =>
        day is { } d ? (d.AddDays(-days).DayNumber, d.AddDays(days).DayNumber) : (UndatedFirst, UndatedLast);

    // Of the `limit` stories sharing the most keys, then the oldest, those in reach, in that order: kept in a short
    // sorted array as the counts go by, since a look-up counts hundreds of stories to return 16.
    private static List<long> Most(Dictionary<long, Tally> shared, int limit)
    {
        var top = new List<(int Count, long Story, bool InReach)>(limit + 1);
        foreach ((long story, (int count, bool inReach)) in shared)
        {
            int at = top.Count;
            while (at > 0 && (top[at - 1].Count < count || (top[at - 1].Count == count && top[at - 1].Story > story)))
            {
                at--;
            }

            if (at < limit)
            {
                top.Insert(at, (count, story, inReach));
                if (top.Count > limit)
                {
                    top.RemoveAt(limit);
                }
            }
        }

        return [.. top.Where(t => t.InReach).Select(t => t.Story)];
    }

    // Reads the next older chunk of a key's rows onto the end of those read.
    private void ReadOlder(long key, KeyPostings postings, int count)
    {
        IReadOnlyList<StoryPostingRow> rows = readOlder(key, postings.ReadBefore, count);
        foreach (StoryPostingRow row in rows)
        {
            postings.Read.Add(new Posting(row.Story, LatestSave(row.Story), row.FirstDay ?? UndatedFirst, row.LastDay ?? UndatedLast));
        }

        postings.AllRead = rows.Count < count;
        if (rows.Count > 0)
        {
            postings.ReadBefore = rows[^1].SavedBy;
        }
    }

    private bool IsLive(Posting p) => p.Save == LatestSave(p.Story);

    // The number of the story's latest save here, 0 if none.
    private int LatestSave(long story)
    {
        if ((ulong)story >= BitmapStories)
        {
            return _savedBeyond.GetValueOrDefault(story);
        }

        long word = story >> 6;
        return word < _savedHere.Length && (_savedHere[word] & (1UL << (int)story)) != 0 ? _saveOf[story] : 0;
    }

    private void MarkSaved(long story, int save)
    {
        if ((ulong)story >= BitmapStories)
        {
            _savedBeyond[story] = save;
            return;
        }

        int word = (int)(story >> 6);
        if (word >= _savedHere.Length)
        {
            int words = Math.Max(word + 1, 2 * _savedHere.Length);
            Array.Resize(ref _savedHere, words);
            Array.Resize(ref _saveOf, (int)Math.Min(64L * words, BitmapStories));
        }

        _savedHere[word] |= 1UL << (int)story;
        _saveOf[story] = save;
    }

    private void Sweep()
    {
        _heldAfterSweep = 0;
        foreach (KeyPostings postings in _byKey.Values)
        {
            postings.Read.RemoveAll(p => !IsLive(p));
            postings.Saved.RemoveAll(p => !IsLive(p));
            _heldAfterSweep += postings.Read.Count + postings.Saved.Count;
        }

        _savedSinceSweep = 0;
    }

    // One key's postings in two lists, so that neither reading further back nor saving moves what is held: the rows
    // read from the table, newest first, and the postings saved since the key was first read, oldest first.
    private sealed class KeyPostings
    {
        public List<Posting> Read { get; } = [];

        public List<Posting> Saved { get; } = [];

        // The table's rows saved before this article id are not read yet, unless AllRead.
        public long ReadBefore { get; set; } = long.MaxValue;

        public bool AllRead { get; set; }
    }

    // 24 bytes. Days are DateOnly.DayNumber.
    private readonly record struct Posting(long Story, int Save, int FirstDay, int LastDay);

    // A story's count in a look-up, and whether it lies within the reach of the article's day.
    private readonly record struct Tally(int Count, bool InReach);
}
