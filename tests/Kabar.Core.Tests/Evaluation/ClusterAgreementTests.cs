using Kabar.Evaluation;

namespace Kabar.Core.Tests.Evaluation;

public class ClusterAgreementTests
{
    [Fact]
    public void Of_TheSamePartitionUnderOtherNames_AgreesFully()
    {
        ClusterAgreement a = ClusterAgreement.Of(["x", "x", "y", "z"], [7, 7, 3, 9]);
        Assert.Equal((1.0, 1.0, 1.0, 1.0), (a.Precision, a.Recall, a.Nmi, a.F1));
    }

    [Fact]
    public void Of_OneClusterForTwoClasses_KeepsRecallAndLosesPrecision()
    {
        // Per item, precision is 3/4 for the three a's and 1/4 for the b: (9/4 + 1/4) / 4. Every class is whole: recall 1.
        // The clusters say nothing about the classes: NMI 0.
        ClusterAgreement a = ClusterAgreement.Of(["a", "a", "a", "b"], [1, 1, 1, 1]);
        Assert.Equal(0.625, a.Precision, 12);
        Assert.Equal(1, a.Recall, 12);
        Assert.Equal(0, a.Nmi, 12);
        Assert.Equal(2 * 0.625 / 1.625, a.F1, 12);
    }

    [Fact]
    public void Of_ASplitClass_KeepsPrecisionAndLosesRecall()
    {
        ClusterAgreement a = ClusterAgreement.Of(["a", "a"], [1, 2]);
        Assert.Equal((1.0, 0.5), (a.Precision, a.Recall));
    }

    [Fact]
    public void Of_MatchesHandComputedValues()
    {
        // Cells (a,1) = 2, (a,2) = 1, (b,2) = 2. Precision (4/2 + 1/3 + 4/3) / 5; recall (4/3 + 1/3 + 4/2) / 5.
        // MI = 0.4 ln(5/3) + 0.2 ln(5/9) + 0.4 ln(5/3) = 0.29110; both entropies 0.67301; NMI = 0.43254.
        ClusterAgreement a = ClusterAgreement.Of(["a", "a", "a", "b", "b"], [1, 1, 2, 2, 2]);
        Assert.Equal(11.0 / 15, a.Precision, 12);
        Assert.Equal(11.0 / 15, a.Recall, 12);
        Assert.Equal(0.43254, a.Nmi, 5);
    }

    [Fact]
    public void Of_LabellingsOfDifferentLength_Throw() =>
        Assert.Throws<ArgumentException>(() => ClusterAgreement.Of(["a"], [1, 2]));
}
