using Kabar.Text;

namespace Kabar.Evaluation;

/// <summary>A reuse case: a passage of a suspicious document and its source passage in one document pair.</summary>
/// <param name="Pair">Identifies the document pair; cases of different pairs never match.</param>
/// <param name="Suspicious">The passage in the suspicious document.</param>
/// <param name="Source">The passage in the source document.</param>
public sealed record ReuseCase(string Pair, TextSpan Suspicious, TextSpan Source);

/// <summary>Precision, recall, granularity and their PlagDet combination.</summary>
public sealed record PlagDetScore(double Precision, double Recall, double Granularity, int Cases, int Detections)
{
    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>F1 / log2(1 + granularity).</summary>
    public double PlagDet => F1 / Math.Log2(1 + Granularity);
}

/// <summary>
/// The PAN text-alignment measure (Potthast et al., "An Evaluation Framework for Plagiarism Detection", COLING 2010):
/// character-level macro precision and recall over cases and detections, where a detection detects a case when
/// they overlap in both documents, and granularity, the mean number of detections per detected case.
/// </summary>
public static class PlagDet
{
    /// <summary>Scores <paramref name="detections"/> against the gold <paramref name="cases"/>.</summary>
    public static PlagDetScore Score(IReadOnlyList<ReuseCase> cases, IReadOnlyList<ReuseCase> detections)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(detections);
        ILookup<string, ReuseCase> detectionsByPair = detections.ToLookup(d => d.Pair, StringComparer.Ordinal);
        ILookup<string, ReuseCase> casesByPair = cases.ToLookup(c => c.Pair, StringComparer.Ordinal);

        double recallSum = 0;
        int detected = 0;
        long detectionsOfDetected = 0;
        foreach (ReuseCase c in cases)
        {
            List<ReuseCase> hits = [.. detectionsByPair[c.Pair].Where(d => Detects(d, c))];
            recallSum += CoveredShare(c, hits);
            if (hits.Count > 0)
            {
                detected++;
                detectionsOfDetected += hits.Count;
            }
        }

        double precisionSum = 0;
        foreach (ReuseCase d in detections)
        {
            List<ReuseCase> hits = [.. casesByPair[d.Pair].Where(c => Detects(d, c))];
            precisionSum += CoveredShare(d, hits);
        }

        double recall = cases.Count == 0 ? 0 : recallSum / cases.Count;
        double precision = detections.Count == 0 ? 0 : precisionSum / detections.Count;
        double granularity = detected == 0 ? 1 : (double)detectionsOfDetected / detected;
        return new PlagDetScore(precision, recall, granularity, cases.Count, detections.Count);
    }

    private static bool Detects(ReuseCase d, ReuseCase c) =>
        d.Suspicious.Overlaps(c.Suspicious) && d.Source.Overlaps(c.Source);

    // The share of target's characters (both documents counted) covered by the union of the others' overlaps.
    private static double CoveredShare(ReuseCase target, List<ReuseCase> others)
    {
        int total = target.Suspicious.Length + target.Source.Length;
        if (total == 0 || others.Count == 0)
        {
            return 0;
        }

        int covered = UnionOverlap(target.Suspicious, others.Select(o => o.Suspicious))
            + UnionOverlap(target.Source, others.Select(o => o.Source));
        return (double)covered / total;
    }

    private static int UnionOverlap(TextSpan target, IEnumerable<TextSpan> spans)
    {
        int covered = 0, reach = target.Start;
        foreach (TextSpan s in spans.OrderBy(s => s.Start))
        {
            int start = Math.Max(Math.Max(s.Start, target.Start), reach);
            int end = Math.Min(s.End, target.End);
            if (end > start)
            {
                covered += end - start;
                reach = end;
            }
        }

        return covered;
    }
}
