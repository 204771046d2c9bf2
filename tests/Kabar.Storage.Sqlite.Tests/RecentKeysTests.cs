namespace Kabar.Storage.Sqlite.Tests;

/// <summary><see cref="RecentKeys"/> must hold exactly the pairs a set of (key, article) would, through growth, keys
/// shared by many articles and keys whose slots collide.</summary>
public sealed class RecentKeysTests
{
    [Fact]
    public void Add_CountArticles_AndSorted_AnswerAsASetOfPairs()
    {
        var random = new Random(11);
        var recent = new RecentKeys();
        var reference = new HashSet<(long Key, long Article)>();

        // Few distinct keys, so many articles share each and probe runs are long; keys differing only in their low
        // bits, which a hash that kept the low bits would send to one slot; negative keys; pairs added twice.
        long[] keys = [.. Enumerable.Range(0, 3000).Select(i => i % 3 == 0 ? (long)i : i % 3 == 1 ? -random.NextInt64() : random.NextInt64() << 20)];
        for (int i = 0; i < 20_000; i++)
        {
            (long, long) pair = (keys[random.Next(keys.Length)], random.Next(1, 400));
            Assert.Equal(reference.Add(pair), recent.Add(pair.Item1, pair.Item2));
        }

        Assert.Equal(reference.Count, recent.Count);
        Assert.Equal(reference.Order(), recent.Sorted());
        foreach (long key in keys.Take(500).Append(12345678901L))
        {
            var shared = new Dictionary<long, int> { [7] = 1 };
            recent.CountArticles(key, shared);
            Dictionary<long, int> expected = reference.Where(p => p.Key == key).ToDictionary(p => p.Article, _ => 1);
            expected[7] = expected.GetValueOrDefault(7) + 1;
            Assert.Equal(expected.OrderBy(e => e.Key), shared.OrderBy(e => e.Key));
        }

        var each = new List<long>();
        recent.EachKey(each.Add);
        Assert.Equal(reference.Select(p => p.Key).Order(), each.Order());
    }

    [Fact]
    public void Add_RefusesArticleZero_WhichMarksAnEmptySlot() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentKeys().Add(5, 0));
}
