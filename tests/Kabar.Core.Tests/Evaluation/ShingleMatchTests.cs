using Kabar.Evaluation;

namespace Kabar.Core.Tests.Evaluation;

public class ShingleMatchTests
{
    [Fact]
    public void Of_SameWords_IsAllTruePositive_WhateverThePunctuationAndSpacing() =>
        Assert.Equal((1.0, 0.0, 0.0), ShingleMatch.Of("One two three four five.", "One  two, three\nfour five"));

    [Fact]
    public void Of_CountsShinglesWithMultiplicity_AndNormalises()
    {
        // Truth: a b c d e (2 shingles); predicted: a b c d x (1 shared, 1 extra): tp 1, fp 1, fn 1 → thirds.
        (double tp, double fp, double fn) = ShingleMatch.Of("a b c d e", "a b c d x");
        Assert.Equal((1 / 3.0, 1 / 3.0, 1 / 3.0), (tp, fp, fn));
    }

    [Fact]
    public void Summarize_AveragesPerPage_AndSkipsPagesWithNothingPredictedForPrecision()
    {
        (double p, double r, double f1) = ShingleMatch.Summarize([(1, 0, 0), (0.5, 0.5, 0), (0, 0, 1)]);
        Assert.Equal(0.75, p, 10);          // pages 1 and 2 only
        Assert.Equal(2 / 3.0, r, 10);       // (1 + 1 + 0) / 3
        Assert.Equal(2 * 0.75 * (2 / 3.0) / (0.75 + 2 / 3.0), f1, 10);
    }

    [Fact]
    public void Of_ShortTexts_AreOneShingle() => Assert.Equal((0.0, 0.5, 0.5), ShingleMatch.Of("dua kata", "kata lain"));
}
