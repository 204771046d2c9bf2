namespace Kabar.Alignment;

/// <summary>Thresholds of <see cref="SentenceAligner"/>, calibrated on hand-checked pairs of rewritten news (docs/evaluation.md).</summary>
public sealed record SentenceAlignerOptions
{
    /// <summary>Minimum tf-isf cosine of an aligned pair.</summary>
    public double MinCosine { get; init; } = 0.3;

    /// <summary>Minimum Dice coefficient of the pair's term sets.</summary>
    public double MinDice { get; init; } = 0.3;

    /// <summary>Minimum shared common words (not names, not numbers): two sentences about the same people are not yet one sentence.</summary>
    public int MinSharedWords { get; init; } = 2;

    /// <summary>Stricter cosine for a second sentence aligned to a sentence that already has a partner (a sentence split in two, or repeated).</summary>
    public double ExtraMinCosine { get; init; } = 0.35;

    /// <summary>Stricter shared-word minimum for such a second sentence.</summary>
    public int ExtraMinSharedWords { get; init; } = 3;

    /// <summary>Word-sequence ratio from which a pair counts as copied rather than paraphrased.</summary>
    public double CopiedRatio { get; init; } = 0.8;
}
