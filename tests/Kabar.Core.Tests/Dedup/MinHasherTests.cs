using Kabar.Dedup;

namespace Kabar.Core.Tests.Dedup;

public class MinHasherTests
{
    // Pins the storage format (MinHasher.Format): seed, mixing, slot choice and densification must never change
    // silently. Three shingles fill three slots; the other 125 borrow from them.
    [Fact]
    public void Signature_ReferenceVector()
    {
        uint[] signature = MinHasher.Default.Signature(Shingles.Of("satu dua tiga empat lima enam tujuh"));
        Assert.Equal(MinHasher.Permutations, signature.Length);
        Assert.Equal([3451009959u, 2464460096u, 883722829u, 883722829u], signature[..4]);
        Assert.Equal(3, signature.Distinct().Count());
        Assert.Equal([-7058151832393645754L, -8970008184406668700L], LshBands.Keys(signature)[..2]);
    }

    [Fact]
    public void Signature_DoesNotDependOnShingleOrder()
    {
        ulong[] shingles = Shingles.Of(string.Join(' ', Enumerable.Range(0, 200).Select(i => "kata" + i)));
        Assert.Equal(MinHasher.Default.Signature(shingles), MinHasher.Default.Signature([.. shingles.Reverse()]));
    }

    // One shingle fills one slot; densification must copy it everywhere rather than leave a slot at the empty value,
    // or two one-shingle articles with the same shingle would disagree.
    [Fact]
    public void Signature_OneShingle_FillsEverySlot()
    {
        uint[] signature = MinHasher.Default.Signature([42UL]);
        Assert.Single(signature.Distinct());
        Assert.NotEqual(uint.MaxValue, signature[0]);
    }

    [Fact]
    public void Signature_EmptySet_IsAllMax() => Assert.All(MinHasher.Default.Signature([]), v => Assert.Equal(uint.MaxValue, v));

    [Fact]
    public void Estimate_StaysNearTheExactJaccard()
    {
        var random = new Random(1234);
        for (int trial = 0; trial < 60; trial++)
        {
            ulong[] shared = [.. Enumerable.Range(0, random.Next(20, 300)).Select(_ => (ulong)random.NextInt64())];
            ulong[] onlyA = [.. Enumerable.Range(0, random.Next(0, 300)).Select(_ => (ulong)random.NextInt64())];
            ulong[] onlyB = [.. Enumerable.Range(0, random.Next(0, 300)).Select(_ => (ulong)random.NextInt64())];
            ulong[] a = [.. shared.Concat(onlyA).Order()], b = [.. shared.Concat(onlyB).Order()];
            double exact = Shingles.Jaccard(a, b);
            double estimate = MinHasher.Estimate(MinHasher.Default.Signature(a), MinHasher.Default.Signature(b));
            // 128 slots: standard error at most 0.044; 0.15 is beyond three of them.
            Assert.InRange(estimate, exact - 0.15, exact + 0.15);
        }
    }

    // What the LSH needs of the signature: a copy at the near-duplicate threshold (Jaccard 0.7) shares a band in
    // all but about 1 in 6,600 pairs (1 − (1 − 0.7⁴)³²), short articles included, where densification fills most slots;
    // unrelated articles share none.
    [Theory]
    [InlineData(12)]
    [InlineData(60)]
    [InlineData(400)]
    public void Bands_CopyAtThreshold_IsACandidate_UnrelatedIsNot(int size)
    {
        var random = new Random(size);
        int shared = (int)Math.Round(2 * size * 0.7 / 1.7), candidates = 0, unrelated = 0;
        const int Trials = 500;
        for (int trial = 0; trial < Trials; trial++)
        {
            ulong[] common = Random(random, shared);
            ulong[] a = [.. common.Concat(Random(random, size - shared)).Order()];
            ulong[] b = [.. common.Concat(Random(random, size - shared)).Order()];
            candidates += SharesABand(a, b) ? 1 : 0;
            unrelated += SharesABand(a, Random(random, size)) ? 1 : 0;
        }

        Assert.InRange(candidates, Trials - 3, Trials);
        Assert.Equal(0, unrelated);
    }

    private static ulong[] Random(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (ulong)random.NextInt64())];

    private static bool SharesABand(ulong[] a, ulong[] b) =>
        LshBands.Keys(MinHasher.Default.Signature(a)).Zip(LshBands.Keys(MinHasher.Default.Signature(b))).Any(p => p.First == p.Second);
}
