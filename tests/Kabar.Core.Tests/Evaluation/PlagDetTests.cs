using Kabar.Evaluation;
using Kabar.Text;

namespace Kabar.Core.Tests.Evaluation;

public class PlagDetTests
{
    private static ReuseCase Case(int s0, int s1, int r0, int r1, string pair = "p") => new(pair, new TextSpan(s0, s1), new TextSpan(r0, r1));

    [Fact]
    public void Score_ExactDetection_IsPerfect()
    {
        PlagDetScore score = PlagDet.Score([Case(0, 100, 50, 150)], [Case(0, 100, 50, 150)]);
        Assert.Equal(1.0, score.Precision);
        Assert.Equal(1.0, score.Recall);
        Assert.Equal(1.0, score.Granularity);
        Assert.Equal(1.0, score.PlagDet, 12);
    }

    [Fact]
    public void Score_HalfDetected_HalvesRecallKeepsPrecision()
    {
        PlagDetScore score = PlagDet.Score([Case(0, 100, 0, 100)], [Case(0, 50, 0, 50)]);
        Assert.Equal(1.0, score.Precision);
        Assert.Equal(0.5, score.Recall);
        Assert.Equal(2.0 / 3.0, score.PlagDet, 12);
    }

    [Fact]
    public void Score_TwoDetectionsOfOneCase_CountGranularityTwo()
    {
        PlagDetScore score = PlagDet.Score([Case(0, 100, 0, 100)], [Case(0, 50, 0, 50), Case(50, 100, 50, 100)]);
        Assert.Equal(1.0, score.Recall);
        Assert.Equal(2.0, score.Granularity);
        Assert.Equal(1.0 / Math.Log2(3), score.PlagDet, 12);
    }

    [Fact]
    public void Score_DetectionOverlappingOnlyOneDocumentOrOtherPair_DetectsNothing()
    {
        PlagDetScore score = PlagDet.Score([Case(0, 100, 0, 100)], [Case(0, 100, 500, 600), Case(0, 100, 0, 100, "other")]);
        Assert.Equal(0, score.Recall);
        Assert.Equal(0, score.Precision);
        Assert.Equal(0, score.PlagDet);
    }

    [Fact]
    public void Score_FalsePositiveBesideTrueDetection_HalvesPrecision()
    {
        PlagDetScore score = PlagDet.Score([Case(0, 100, 0, 100)], [Case(0, 100, 0, 100), Case(300, 400, 300, 400)]);
        Assert.Equal(0.5, score.Precision);
        Assert.Equal(1.0, score.Recall);
    }
}
