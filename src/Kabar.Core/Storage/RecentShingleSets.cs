namespace Kabar.Storage;

/// <summary>
/// The shingle sets of the articles stored most recently, so that a copy arriving soon after its original is verified
/// without reading the original's words back and shingling them again. Copies of news come soon: a wire story is
/// printed again within hours, a template every day. Older candidates are found ahead of the commit
/// (<see cref="CandidatesAhead"/>) or read from the store.
/// <para>The sets lie one after another in a single buffer used round and round: the newest overwrites the oldest, and
/// the buffer, allocated once, gives the garbage collector nothing to do (sets kept as arrays for a few thousand
/// articles would each live long enough to be promoted and then die, at every article).</para>
/// </summary>
internal sealed class RecentShingleSets
{
    private readonly ulong[] _buffer;
    private readonly Dictionary<long, (int Start, int Length)> _where = [];

    // The ids and where their sets start, in the order the sets were written, oldest first, so the starts ascend except
    // where the buffer was last wrapped round.
    private readonly Queue<(long Id, int Start)> _order = new();
    private int _next;

    /// <param name="capacity">Shingles the buffer holds: ~400 an article of 400 words.</param>
    public RecentShingleSets(int capacity) =>
        // Not cleared: only what was written is read, and the operating system backs the pages only as they are
        // written, so a short ingest does not pay for the whole buffer.
        _buffer = GC.AllocateUninitializedArray<ulong>(capacity);

    /// <summary>Sets held now.</summary>
    public int Count => _where.Count;

    /// <summary>Keeps the set of article <paramref name="id"/>, dropping the oldest sets it overwrites; a set larger
    /// than the buffer is not kept. Ids must not be added twice.</summary>
    public void Add(long id, ReadOnlySpan<ulong> set)
    {
        if (set.Length > _buffer.Length)
        {
            return;
        }

        if (_next + set.Length > _buffer.Length)
        {
            // The tail of the buffer is too short: the sets still in it (the oldest) go, and writing starts again at 0.
            DropWhileOldestStartsBelow(_buffer.Length);
            _next = 0;
        }

        DropWhileOldestStartsBelow(_next + set.Length);
        set.CopyTo(_buffer.AsSpan(_next));
        _where.Add(id, (_next, set.Length));
        _order.Enqueue((id, _next));
        _next += set.Length;
    }

    /// <summary>Drops every set.</summary>
    public void Clear()
    {
        _where.Clear();
        _order.Clear();
        _next = 0;
    }

    /// <summary>The set of article <paramref name="id"/>, if it is still held; valid until the next <see cref="Add"/>.</summary>
    public bool TryGet(long id, out ReadOnlySpan<ulong> set)
    {
        if (_where.TryGetValue(id, out (int Start, int Length) at))
        {
            set = _buffer.AsSpan(at.Start, at.Length);
            return true;
        }

        set = default;
        return false;
    }

    // Drops the oldest sets while they start at or after the write position and below `end`: those the next write
    // covers. Sets before the write position are newer, written since the buffer was last wrapped round.
    private void DropWhileOldestStartsBelow(int end)
    {
        while (_order.TryPeek(out (long Id, int Start) oldest) && oldest.Start >= _next && oldest.Start < end)
        {
            _where.Remove(_order.Dequeue().Id);
        }
    }
}
