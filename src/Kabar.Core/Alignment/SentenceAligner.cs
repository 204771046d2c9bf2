namespace Kabar.Alignment;

/// <summary>
/// Pairs each sentence of one article with its counterpart in another, wherever it stands (reordering is
/// expected in rewrites). Candidate pairs come from <see cref="SentencePairScorer"/>; the best pairs are taken
/// one-to-one, most similar first; then a sentence left over may join a sentence already paired when the
/// evidence is stronger (a sentence split in two, or a statement repeated). Deterministic: ties break by
/// position. Immutable and thread-safe.
/// </summary>
public sealed class SentenceAligner(SentenceAlignerOptions options)
{
    /// <summary>The options in use.</summary>
    public SentenceAlignerOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>The aligned pairs, ordered by their position in <paramref name="a"/>.</summary>
    public List<SentenceAlignment> Align(DocumentProfile a, DocumentProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var scorer = new SentencePairScorer(a, b);
        List<SentencePair> candidates = [.. scorer.Pairs(Options.MinCosine, Options.MinDice)
            .Where(p => a.Sentences[p.A].SharedCommonWords(b.Sentences[p.B]) >= Options.MinSharedWords)
            .OrderByDescending(p => p.Cosine).ThenBy(p => p.A).ThenBy(p => p.B)];

        var pairedA = new HashSet<int>();
        var pairedB = new HashSet<int>();
        var chosen = new List<SentencePair>();
        foreach (SentencePair p in candidates)
        {
            if (!pairedA.Contains(p.A) && !pairedB.Contains(p.B))
            {
                chosen.Add(p);
                pairedA.Add(p.A);
                pairedB.Add(p.B);
            }
        }

        var extras = new List<SentencePair>();
        foreach (SentencePair p in candidates)
        {
            bool oneSideFree = pairedA.Contains(p.A) != pairedB.Contains(p.B);
            if (oneSideFree && p.Cosine >= Options.ExtraMinCosine
                && a.Sentences[p.A].SharedCommonWords(b.Sentences[p.B]) >= Options.ExtraMinSharedWords)
            {
                extras.Add(p);
                pairedA.Add(p.A);
                pairedB.Add(p.B);
            }
        }

        return [.. chosen.Concat(extras)
            .OrderBy(p => p.A).ThenBy(p => p.B)
            .Select(p => Describe(a.Sentences[p.A], b.Sentences[p.B], p.Cosine))];
    }

    private SentenceAlignment Describe(SentenceProfile a, SentenceProfile b, double cosine)
    {
        double ratio = WordDiff.Ratio(a, b);
        AlignmentKind kind = ratio >= Options.CopiedRatio ? AlignmentKind.Copied : AlignmentKind.Paraphrased;
        return new SentenceAlignment(a, b, kind, cosine, ratio, WordDiff.Diff(a, b));
    }
}
