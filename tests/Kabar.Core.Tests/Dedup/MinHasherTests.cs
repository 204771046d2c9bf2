using Kabar.Dedup;

namespace Kabar.Core.Tests.Dedup;

public class MinHasherTests
{
    // Pins the storage format: seed, family and slot order must never change silently.
    [Fact]
    public void Signature_ReferenceVector()
    {
        uint[] signature = MinHasher.Default.Signature(Shingles.Of("satu dua tiga empat lima enam tujuh"));
        Assert.Equal(MinHasher.Permutations, signature.Length);
        Assert.Equal([865095683u, 389177035u, 1978867055u, 1822423197u], signature[..4]);
        Assert.Equal([-756042036689550804L, -4418094152658487358L], LshBands.Keys(signature)[..2]);
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
}
