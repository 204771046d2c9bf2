namespace Kabar.Alignment;

/// <summary>How closely an aligned sentence follows its counterpart.</summary>
public enum AlignmentKind
{
    /// <summary>Near-verbatim: most words the same and in order.</summary>
    Copied,
    /// <summary>The same statement in other words or order.</summary>
    Paraphrased,
}

/// <summary>A sentence of the first document paired with its counterpart in the second.</summary>
/// <param name="A">The sentence of the first document.</param>
/// <param name="B">The sentence of the second document.</param>
/// <param name="Kind">Copied or paraphrased.</param>
/// <param name="Cosine">tf-isf cosine of the two, 0–1.</param>
/// <param name="Ratio">Share of words in common and in order, 0–1.</param>
/// <param name="Diff">Word-level diff from A to B.</param>
public sealed record SentenceAlignment(SentenceProfile A, SentenceProfile B, AlignmentKind Kind, double Cosine, double Ratio, IReadOnlyList<DiffOp> Diff)
{
    /// <summary>The score shown to people: the larger of cosine and word ratio.</summary>
    public double Score => Math.Max(Cosine, Ratio);
}
