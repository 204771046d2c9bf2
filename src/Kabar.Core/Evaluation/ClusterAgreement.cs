namespace Kabar.Evaluation;

/// <summary>
/// How far a clustering agrees with the true classes of the same items. B-cubed (Bagga and Baldwin 1998; the metric
/// that satisfies all of Amigó et al.'s 2009 constraints): per item, the share of its cluster that is of its class
/// (precision) and the share of its class that is in its cluster (recall), averaged over items; so one wrong merge of
/// two big stories costs more than a stray singleton. NMI (mutual information over the mean of the two entropies, as
/// news-clustering papers report it) alongside.
/// </summary>
/// <param name="Precision">B-cubed precision, 0–1.</param>
/// <param name="Recall">B-cubed recall, 0–1.</param>
/// <param name="Nmi">Normalised mutual information, 0–1; 1 when both sides are a single group.</param>
public sealed record ClusterAgreement(double Precision, double Recall, double Nmi)
{
    /// <summary>The harmonic mean of B-cubed precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The agreement of <paramref name="found"/> clusters with <paramref name="truth"/> classes, item by item.</summary>
    public static ClusterAgreement Of<TClass, TCluster>(IReadOnlyList<TClass> truth, IReadOnlyList<TCluster> found)
        where TClass : notnull
        where TCluster : notnull
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(found);
        if (truth.Count != found.Count)
        {
            throw new ArgumentException($"labellings differ in length ({truth.Count} and {found.Count})", nameof(found));
        }

        if (truth.Count == 0)
        {
            return new ClusterAgreement(1, 1, 1);
        }

        var both = new Dictionary<(TClass, TCluster), int>();
        var classes = new Dictionary<TClass, int>();
        var clusters = new Dictionary<TCluster, int>();
        for (int i = 0; i < truth.Count; i++)
        {
            both[(truth[i], found[i])] = both.GetValueOrDefault((truth[i], found[i])) + 1;
            classes[truth[i]] = classes.GetValueOrDefault(truth[i]) + 1;
            clusters[found[i]] = clusters.GetValueOrDefault(found[i]) + 1;
        }

        // Each of the n items in a cell shares it with all n: summing n²/size over cells sums the per-item shares.
        double n = truth.Count, precision = 0, recall = 0, mutual = 0;
        foreach (((TClass c, TCluster k), int count) in both)
        {
            precision += (double)count * count / clusters[k];
            recall += (double)count * count / classes[c];
            mutual += count / n * Math.Log(count * n / ((double)classes[c] * clusters[k]));
        }

        double entropies = Entropy(classes.Values, n) + Entropy(clusters.Values, n);
        return new ClusterAgreement(precision / n, recall / n, entropies == 0 ? 1 : 2 * mutual / entropies);
    }

    private static double Entropy(IEnumerable<int> sizes, double n) => -sizes.Sum(s => s / n * Math.Log(s / n));
}
