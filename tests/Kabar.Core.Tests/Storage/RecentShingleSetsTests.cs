using Kabar.Storage;

namespace Kabar.Core.Tests.Storage;

public class RecentShingleSetsTests
{
    // Sets of random sizes go round a small buffer many times. After each one, every set held must be the one added
    // under its id (not shingles another set wrote over it), the sets held must be the newest ones, and they must fill
    // all of the buffer but what wrapping round wastes: at most one set's length at its end, one set partly written over.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Add_RoundAndRound_HoldsTheNewestSetsAsAdded_InAllButTwoSetsOfTheBuffer(int seed)
    {
        const int Capacity = 1000, Longest = 150;
        var random = new Random(seed);
        var recent = new RecentShingleSets(Capacity);
        var added = new List<ulong[]>();
        for (long id = 0; id < 3000; id++)
        {
            ulong[] set = [.. Enumerable.Range(0, random.Next(1, Longest + 1)).Select(_ => (ulong)random.NextInt64())];
            recent.Add(id, set);
            added.Add(set);

            long oldest = id;
            while (oldest > 0 && recent.TryGet(oldest - 1, out _))
            {
                oldest--;
            }

            Assert.Equal(id - oldest + 1, recent.Count);  // nothing older than the newest run is held
            int held = 0;
            for (long h = oldest; h <= id; h++)
            {
                Assert.True(recent.TryGet(h, out ReadOnlySpan<ulong> got));
                Assert.Equal(added[(int)h], got.ToArray());
                held += got.Length;
            }

            Assert.InRange(held, id > 50 ? Capacity - 2 * Longest : 0, Capacity);
        }
    }

    [Fact]
    public void Add_ASetLargerThanTheBuffer_IsNotHeld_AndTheOthersStay()
    {
        var recent = new RecentShingleSets(4);
        recent.Add(1, [1, 2]);
        recent.Add(2, [3, 4, 5, 6, 7]);
        Assert.False(recent.TryGet(2, out _));
        Assert.True(recent.TryGet(1, out ReadOnlySpan<ulong> kept));
        Assert.Equal([1UL, 2UL], kept.ToArray());
    }

    [Fact]
    public void Clear_DropsEverySet_AndTheSameIdsMayBeAddedAgain()
    {
        var recent = new RecentShingleSets(4);
        recent.Add(1, [1, 2, 3]);
        recent.Clear();
        Assert.False(recent.TryGet(1, out _));
        recent.Add(1, [4, 5]);
        Assert.True(recent.TryGet(1, out ReadOnlySpan<ulong> set));
        Assert.Equal([4UL, 5UL], set.ToArray());
        Assert.Equal(1, recent.Count);
    }
}
