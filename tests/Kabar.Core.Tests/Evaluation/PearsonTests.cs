using Kabar.Evaluation;

namespace Kabar.Core.Tests.Evaluation;

public class PearsonTests
{
    [Fact]
    public void Correlation_OfALinearRelationIsOneOrMinusOne()
    {
        Assert.Equal(1, Pearson.Correlation([1, 2, 3, 4], [10, 20, 30, 40]), 12);
        Assert.Equal(-1, Pearson.Correlation([1, 2, 3, 4], [4, 3, 2, 1]), 12);
    }

    [Fact]
    public void Correlation_MatchesAHandComputedValue()
    {
        // x = 1,2,3; y = 1,3,2: cov = 1, var x = 2, var y = 2, r = 0.5
        Assert.Equal(0.5, Pearson.Correlation([1, 2, 3], [1, 3, 2]), 12);
    }

    [Fact]
    public void Correlation_OfAConstantSeriesIsZero()
    {
        Assert.Equal(0, Pearson.Correlation([1, 1, 1], [1, 2, 3]));
        Assert.Throws<ArgumentException>(() => Pearson.Correlation([1, 2], [1]));
    }
}
