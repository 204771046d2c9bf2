using Kabar.Alignment;
using Kabar.Discrepancies;
using Kabar.Entities;
using Kabar.Pipeline;

namespace Kabar.Comparison;

/// <summary>Everything Kabar tells about two articles side by side. Immutable.</summary>
/// <param name="A">The first article.</param>
/// <param name="B">The second article.</param>
/// <param name="Alignments">Aligned sentence pairs, in order of the first article.</param>
/// <param name="UniqueA">Sentences of the first article with no counterpart.</param>
/// <param name="UniqueB">Sentences of the second article with no counterpart.</param>
/// <param name="Variants">Names spelled differently.</param>
/// <param name="Discrepancies">Names, numbers and dates that differ inside aligned pairs.</param>
public sealed record ArticleComparison(
    Article A,
    Article B,
    IReadOnlyList<SentenceAlignment> Alignments,
    IReadOnlyList<SentenceProfile> UniqueA,
    IReadOnlyList<SentenceProfile> UniqueB,
    IReadOnlyList<VariantGroup> Variants,
    IReadOnlyList<Discrepancy> Discrepancies)
{
    /// <summary>Share of the first article's story characters that lie in aligned sentences, 0–1.</summary>
    public double SharedShareA => Share(A, Alignments.Select(x => x.A));

    /// <summary>Share of the second article's story characters that lie in aligned sentences, 0–1.</summary>
    public double SharedShareB => Share(B, Alignments.Select(x => x.B));

    /// <summary>Whether any sentence was aligned.</summary>
    public bool HasOverlap => Alignments.Count > 0;

    private static double Share(Article article, IEnumerable<SentenceProfile> aligned)
    {
        int total = article.Sentences.Sum(s => s.Length);
        int shared = aligned.DistinctBy(s => s.Index).Sum(s => s.Span.Length);
        return total == 0 ? 0 : (double)shared / total;
    }
}
