using Kabar.Alignment;
using Kabar.Discrepancies;
using Kabar.Entities;
using Kabar.Pipeline;

namespace Kabar.Comparison;

/// <summary>
/// Compares two processed articles: aligns their sentences, lists what each says alone, groups spelling
/// variants of names and finds the names, numbers and dates that differ. Immutable and thread-safe.
/// </summary>
public sealed class ArticleComparer(SentenceAligner aligner)
{
    /// <summary>A comparer with default thresholds.</summary>
    public static ArticleComparer Default { get; } = new(new SentenceAligner(new SentenceAlignerOptions()));

    /// <summary>Compares <paramref name="a"/> with <paramref name="b"/>.</summary>
    public ArticleComparison Compare(Article a, Article b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        DocumentProfile profileA = DocumentProfile.Create(a.Text, a.Sentences, a.Language);
        DocumentProfile profileB = DocumentProfile.Create(b.Text, b.Sentences, b.Language);
        List<SentenceAlignment> alignments = aligner.Align(profileA, profileB);

        var alignedA = alignments.Select(x => x.A.Index).ToHashSet();
        var alignedB = alignments.Select(x => x.B.Index).ToHashSet();
        List<SentenceProfile> uniqueA = [.. profileA.Sentences.Where(s => !alignedA.Contains(s.Index))];
        List<SentenceProfile> uniqueB = [.. profileB.Sentences.Where(s => !alignedB.Contains(s.Index))];

        var lowercase = new HashSet<string>(StringComparer.Ordinal);
        EntityExtractor.AddLowercaseWords(a.Tokens, lowercase);
        EntityExtractor.AddLowercaseWords(b.Tokens, lowercase);
        List<Mention> mentions = [.. EntityExtractor.Extract(0, a.Tokens, lowercase), .. EntityExtractor.Extract(1, b.Tokens, lowercase)];
        List<VariantGroup> variants = VariantFinder.Find(a.Text, b.Text, mentions, alignments);
        List<Discrepancy> discrepancies = DiscrepancyFinder.Find(
            a.Text, a.Language, a.Metadata.Dates, b.Text, b.Language, b.Metadata.Dates, alignments);
        return new ArticleComparison(a, b, alignments, uniqueA, uniqueB, variants, discrepancies);
    }
}
