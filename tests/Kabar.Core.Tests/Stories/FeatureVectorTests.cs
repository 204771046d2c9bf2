using Kabar.Stories;

namespace Kabar.Core.Tests.Stories;

public class FeatureVectorTests
{
    [Fact]
    public void Of_OrdersTheFeaturesByKeyAndKeepsTheirTextAndWeight()
    {
        FeatureVector v = FeatureVector.Of(new Dictionary<string, float> { ["banjir"] = 3, ["cikaret"] = 2, ["bogor"] = 1 });
        Assert.Equal(3, v.Count);
        Assert.True(v.Keys.SequenceEqual(v.Keys.ToArray().Order().ToArray()));
        for (int i = 0; i < v.Count; i++)
        {
            string term = v.TermAt(i)!;
            Assert.Equal(CorpusStatistics.FeatureKey(term), v.Keys[i]);
            Assert.Equal(term switch { "banjir" => 3f, "cikaret" => 2f, _ => 1f }, v.Weights[i]);
        }
    }

    [Fact]
    public void Plus_SumsSharedKeysAndKeepsTheRestInKeyOrder()
    {
        FeatureVector a = FeatureVector.FromSorted([1, 5, 9], [1, 2, 3]);
        FeatureVector b = FeatureVector.FromSorted([-4, 5, 9, 12], [10, 20, 30, 40]);
        FeatureVector sum = a.Plus(b);
        Assert.Equal([-4L, 1, 5, 9, 12], sum.Keys.ToArray());
        Assert.Equal([10f, 1, 22, 33, 40], sum.Weights.ToArray());
        Assert.Null(sum.TermAt(0));
        Assert.Equal(a.Keys.ToArray(), a.Plus(FeatureVector.Empty).Keys.ToArray());
    }

    [Theory]
    [InlineData(new long[] { 1, 1 })]
    [InlineData(new long[] { 2, 1 })]
    public void FromSorted_RejectsKeysOutOfOrder(long[] keys) =>
        Assert.Throws<ArgumentException>(() => FeatureVector.FromSorted(keys, new float[keys.Length]));

    [Fact]
    public void FromSorted_RejectsWeightsOfAnotherLength() =>
        Assert.Throws<ArgumentException>(() => FeatureVector.FromSorted([1, 2], [1]));
}
