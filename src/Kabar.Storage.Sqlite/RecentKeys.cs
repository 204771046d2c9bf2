namespace Kabar.Storage.Sqlite;

/// <summary>
/// The duplicate keys not merged into <c>lsh_keys</c> yet (table <c>lsh_keys_recent</c>), held in memory for look-up
/// by key: a multimap of (key, article) pairs, in one open-addressing table probed linearly. The table on disk is kept
/// in arrival order, so a batch commit writes only the few leaves its articles appended; kept in key order, as before
/// schema version 12, each commit rewrote most leaves of it (11 of the 35 pages written an article at a million).
/// <para>16 bytes a slot, at most three quarters of them used: 64 MB for the two million keys waiting at a million
/// articles.</para>
/// </summary>
internal sealed class RecentKeys
{
    private const int MinimumSlots = 1 << 10;

    // An article id of 0 marks an empty slot: stored articles count from 1.
    private long[] _keys, _articles;
    private int _shift;

    /// <summary>An empty multimap with room for <paramref name="pairs"/> pairs before it grows.</summary>
    public RecentKeys(long pairs = 0)
    {
        int slots = MinimumSlots;
        while (slots < int.MaxValue / 2 && slots * 3L / 4 < pairs)
        {
            slots *= 2;
        }

        (_keys, _articles, _shift) = (new long[slots], new long[slots], 64 - int.Log2(slots));
    }

    /// <summary>The pairs held.</summary>
    public long Count { get; private set; }

    /// <summary>Adds that <paramref name="article"/> has <paramref name="key"/>; false if that was held already.</summary>
    public bool Add(long key, long article)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(article);
        int mask = _keys.Length - 1;
        int i = Slot(key);
        for (; _articles[i] != 0; i = (i + 1) & mask)
        {
            if (_keys[i] == key && _articles[i] == article)
            {
                return false;
            }
        }

        (_keys[i], _articles[i]) = (key, article);
        if (++Count > _keys.Length * 3L / 4)
        {
            Grow();
        }

        return true;
    }

    /// <summary>Adds one to <paramref name="shared"/> for each article that has <paramref name="key"/>.</summary>
    public void CountArticles(long key, Dictionary<long, int> shared)
    {
        ArgumentNullException.ThrowIfNull(shared);
        int mask = _keys.Length - 1;
        for (int i = Slot(key); _articles[i] != 0; i = (i + 1) & mask)
        {
            if (_keys[i] == key)
            {
                shared[_articles[i]] = shared.GetValueOrDefault(_articles[i]) + 1;
            }
        }
    }

    /// <summary>Calls <paramref name="take"/> with the key of every pair held, in no particular order.</summary>
    public void EachKey(Action<long> take)
    {
        ArgumentNullException.ThrowIfNull(take);
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_articles[i] != 0)
            {
                take(_keys[i]);
            }
        }
    }

    /// <summary>Every pair held, in order of key, then article.</summary>
    public (long Key, long Article)[] Sorted()
    {
        var pairs = new (long Key, long Article)[Count];
        int n = 0;
        for (int i = 0; i < _keys.Length; i++)
        {
            if (_articles[i] != 0)
            {
                pairs[n++] = (_keys[i], _articles[i]);
            }
        }

        Array.Sort(pairs);
        return pairs;
    }

    // Fibonacci hashing: the top bits of the key times 2^64/φ, so keys that differ only in high or low bits spread.
    private int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    private void Grow()
    {
        (long[] keys, long[] articles) = (_keys, _articles);
        (_keys, _articles, _shift) = (new long[2 * keys.Length], new long[2 * keys.Length], _shift - 1);
        int mask = _keys.Length - 1;
        for (int j = 0; j < keys.Length; j++)
        {
            if (articles[j] != 0)
            {
                int i = Slot(keys[j]);
                while (_articles[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                (_keys[i], _articles[i]) = (keys[j], articles[j]);
            }
        }
    }
}
