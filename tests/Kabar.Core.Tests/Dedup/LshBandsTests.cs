using Kabar.Dedup;

namespace Kabar.Core.Tests.Dedup;

public class LshBandsTests
{
    [Fact]
    public void Threshold_Is32BandsOf4Rows() => Assert.Equal(Math.Pow(1.0 / 32, 0.25), LshBands.Threshold, 12);

    [Theory]
    [InlineData(0.8, 0.99, 1.0)]
    [InlineData(0.6, 0.95, 1.0)]
    [InlineData(0.2, 0.0, 0.05)]
    public void CandidateProbability_RisesSteeplyAroundTheThreshold(double jaccard, double min, double max) =>
        Assert.InRange(LshBands.CandidateProbability(jaccard), min, max);

    [Fact]
    public void Keys_NearCopy_SharesABandUnrelatedDoesNot()
    {
        string original = string.Join(' ', Enumerable.Range(0, 300).Select(i => "kata" + i));
        string copy = original.Replace("kata150", "lain", StringComparison.Ordinal);
        string other = string.Join(' ', Enumerable.Range(0, 300).Select(i => "beda" + i));
        long[] k1 = LshBands.Keys(MinHasher.Default.Signature(Shingles.Of(original)));
        long[] k2 = LshBands.Keys(MinHasher.Default.Signature(Shingles.Of(copy)));
        long[] k3 = LshBands.Keys(MinHasher.Default.Signature(Shingles.Of(other)));
        Assert.True(k1.Zip(k2).Count(p => p.First == p.Second) >= 20);
        Assert.DoesNotContain(k1.Zip(k3), p => p.First == p.Second);
    }

    [Fact]
    public void Keys_WrongSignatureLength_Throws() => Assert.Throws<ArgumentException>(() => LshBands.Keys(new uint[10]));
}
