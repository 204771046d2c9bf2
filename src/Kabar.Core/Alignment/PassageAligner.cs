using Kabar.Text;

namespace Kabar.Alignment;

/// <summary>
/// Finds reused passages between two documents in three steps (Sanchez-Perez, Sidorov and Gelbukh, "A Winning
/// Approach to Text Alignment for Text Reuse Detection at PAN 2014"): seeds are sentence pairs with high tf-isf
/// cosine and Dice; seeds close to each other in both documents are grouped into passages, and a passage whose
/// two sides are not similar as wholes is split again with a smaller gap; overlapping and short passages are
/// filtered. When one side's passages are much shorter than the other's, the pair is re-run with a larger gap,
/// as a summary spreads its sources' sentences thinly. Immutable and thread-safe.
/// </summary>
public sealed class PassageAligner(PassageAlignerOptions options)
{
    /// <summary>The options in use.</summary>
    public PassageAlignerOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Profiles both texts with this aligner's sentence rules.</summary>
    public (DocumentProfile A, DocumentProfile B) Prepare(string a, string b, Language language) =>
        (DocumentProfile.Create(a, SentenceSplitter.Split(a), language, Options.MinSentenceTerms),
         DocumentProfile.Create(b, SentenceSplitter.Split(b), language, Options.MinSentenceTerms));

    /// <summary>The reused passages, ordered by their start in the first document.</summary>
    public List<PassagePair> Align(DocumentProfile a, DocumentProfile b)
    {
        var scorer = new SentencePairScorer(a, b);
        List<SentencePair> seeds = scorer.Pairs(Options.SeedCosine, Options.SeedDice);
        if (seeds.Count == 0)
        {
            return [];
        }

        List<Passage> passages = Extend(scorer, seeds, Options.MaxGap);
        if (LooksLikeSummary(a, b, passages))
        {
            passages = Extend(scorer, seeds, Options.SummaryMaxGap);
        }

        return Filter(a, b, passages);
    }

    private bool LooksLikeSummary(DocumentProfile a, DocumentProfile b, List<Passage> passages)
    {
        int lengthA = 0, lengthB = 0;
        foreach (Passage p in passages)
        {
            lengthA += SpanOf(a, p.A0, p.A1).Length;
            lengthB += SpanOf(b, p.B0, p.B1).Length;
        }

        return passages.Count > 0 && lengthA < lengthB * Options.SummaryLengthRatio;
    }

    private List<Passage> Extend(SentencePairScorer scorer, List<SentencePair> seeds, int maxGap)
    {
        var accepted = new List<Passage>();
        foreach (List<SentencePair> cluster in Cluster(seeds, maxGap))
        {
            Validate(scorer, cluster, maxGap, accepted);
        }

        return accepted;
    }

    private void Validate(SentencePairScorer scorer, List<SentencePair> cluster, int maxGap, List<Passage> accepted)
    {
        int a0 = cluster.Min(p => p.A), a1 = cluster.Max(p => p.A);
        int b0 = cluster.Min(p => p.B), b1 = cluster.Max(p => p.B);
        double cosine = scorer.FragmentCosine(a0, a1, b0, b1);
        if (cosine >= Options.ValidationCosine)
        {
            accepted.Add(new Passage(a0, a1, b0, b1, cosine));
        }
        else if (maxGap > 0)
        {
            foreach (List<SentencePair> part in Cluster(cluster, maxGap - 1))
            {
                Validate(scorer, part, maxGap - 1, accepted);
            }
        }
    }

    // Alternately splits by position in A and in B wherever two consecutive seeds are more than maxGap sentences
    // apart, until no cluster splits further.
    private static List<List<SentencePair>> Cluster(List<SentencePair> seeds, int maxGap)
    {
        List<List<SentencePair>> clusters = [seeds];
        bool byA = true;
        int stableRounds = 0;
        while (stableRounds < 2)
        {
            var next = new List<List<SentencePair>>();
            foreach (List<SentencePair> cluster in clusters)
            {
                next.AddRange(Split(cluster, maxGap, byA));
            }

            stableRounds = next.Count == clusters.Count ? stableRounds + 1 : 0;
            clusters = next;
            byA = !byA;
        }

        return clusters;
    }

    private static IEnumerable<List<SentencePair>> Split(List<SentencePair> cluster, int maxGap, bool byA)
    {
        Func<SentencePair, int> key = byA ? p => p.A : p => p.B;
        Func<SentencePair, int> other = byA ? p => p.B : p => p.A;
        List<SentencePair> sorted = [.. cluster.OrderBy(key).ThenBy(other)];
        var current = new List<SentencePair> { sorted[0] };
        for (int k = 1; k < sorted.Count; k++)
        {
            if (key(sorted[k]) - key(sorted[k - 1]) - 1 > maxGap)
            {
                yield return current;
                current = [];
            }

            current.Add(sorted[k]);
        }

        yield return current;
    }

    private List<PassagePair> Filter(DocumentProfile a, DocumentProfile b, List<Passage> passages)
    {
        // Overlaps in the first document are resolved in favour of the more similar passage.
        var kept = new List<Passage>();
        foreach (Passage p in passages.OrderByDescending(p => p.Cosine).ThenBy(p => p.A0).ThenBy(p => p.B0))
        {
            if (!kept.Any(k => k.A0 <= p.A1 && p.A0 <= k.A1))
            {
                kept.Add(p);
            }
        }

        var result = new List<PassagePair>(kept.Count);
        foreach (Passage p in kept.OrderBy(p => p.A0).ThenBy(p => p.B0))
        {
            TextSpan spanA = SpanOf(a, p.A0, p.A1);
            TextSpan spanB = SpanOf(b, p.B0, p.B1);
            if (spanA.Length >= Options.MinPassageChars && spanB.Length >= Options.MinPassageChars)
            {
                result.Add(new PassagePair(spanA, spanB, p.Cosine));
            }
        }

        return result;
    }

    private static TextSpan SpanOf(DocumentProfile d, int first, int last) =>
        new(d.Sentences[first].Span.Start, d.Sentences[last].Span.End);

    private readonly record struct Passage(int A0, int A1, int B0, int B1, double Cosine);
}
