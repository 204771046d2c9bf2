namespace Kabar.Alignment;

/// <summary>
/// Parameters of <see cref="PassageAligner"/>. Defaults follow Sanchez-Perez et al. (PAN 2014), with the seed
/// thresholds lowered from 0.33 to 0.30 on the PAN 2013 training corpus (docs/evaluation.md).
/// </summary>
public sealed record PassageAlignerOptions
{
    /// <summary>Minimum tf-isf cosine of a seed sentence pair.</summary>
    public double SeedCosine { get; init; } = 0.30;

    /// <summary>Minimum Dice coefficient of a seed sentence pair.</summary>
    public double SeedDice { get; init; } = 0.30;

    /// <summary>Largest number of sentences between two seeds of one passage.</summary>
    public int MaxGap { get; init; } = 4;

    /// <summary>Gap used when one side looks like a summary of the other.</summary>
    public int SummaryMaxGap { get; init; } = 24;

    /// <summary>Minimum cosine of a passage pair's summed vectors; below it the passage is split with a smaller gap.</summary>
    public double ValidationCosine { get; init; } = 0.34;

    /// <summary>Passages shorter than this many characters on either side are dropped.</summary>
    public int MinPassageChars { get; init; } = 150;

    /// <summary>Sentences with fewer content terms are joined to the next before matching.</summary>
    public int MinSentenceTerms { get; init; } = 3;

    /// <summary>Below this ratio of first-side to second-side passage length, the pair is treated as a summary.</summary>
    public double SummaryLengthRatio { get; init; } = 0.5;
}
