using System.Text.RegularExpressions;

namespace Kabar.Evaluation;

/// <summary>
/// The metric of the article-extraction benchmark (Scrapinghub/Zyte): both texts become word 4-grams ("\w+" tokens),
/// counted with multiplicity; true positives, false positives and false negatives are normalised to sum to 1 per
/// page, so long pages weigh no more than short ones. Precision and recall are averaged over pages and F1 is taken of
/// the two averages.
/// </summary>
public static partial class ShingleMatch
{
    /// <summary>The normalised counts for one page.</summary>
    public static (double Tp, double Fp, double Fn) Of(string truth, string predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        Dictionary<string, int> expected = Shingles(truth), found = Shingles(predicted);
        double tp = 0, fp = 0, fn = 0;
        foreach (string key in expected.Keys.Union(found.Keys))
        {
            int t = expected.GetValueOrDefault(key), p = found.GetValueOrDefault(key);
            tp += Math.Min(t, p);
            fp += Math.Max(0, p - t);
            fn += Math.Max(0, t - p);
        }

        double sum = tp + fp + fn;
        return sum > 0 ? (tp / sum, fp / sum, fn / sum) : (0, 0, 0);
    }

    /// <summary>Mean precision over pages that predicted something, mean recall over pages with a truth, and their F1.</summary>
    public static (double Precision, double Recall, double F1) Summarize(IEnumerable<(double Tp, double Fp, double Fn)> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        List<(double Tp, double Fp, double Fn)> all = [.. pages];
        double precision = Mean(all.Where(c => c.Tp + c.Fp > 0).Select(c => c.Fp == 0 && c.Fn == 0 ? 1 : c.Tp / (c.Tp + c.Fp)));
        double recall = Mean(all.Where(c => c.Tp + c.Fn > 0).Select(c => c.Fp == 0 && c.Fn == 0 ? 1 : c.Tp / (c.Tp + c.Fn)));
        return (precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0);
    }

    private static double Mean(IEnumerable<double> values)
    {
        List<double> list = [.. values];
        return list.Count == 0 ? 0 : list.Average();
    }

    // A text shorter than four tokens is one shingle of what it has, as in the benchmark's own code.
    private static Dictionary<string, int> Shingles(string text)
    {
        string[] tokens = [.. Token().Matches(text).Select(m => m.Value)];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < Math.Max(1, tokens.Length - 3); i++)
        {
            string shingle = string.Join('\u001F', tokens.AsSpan(i, Math.Min(4, tokens.Length - i)).ToArray());
            if (shingle.Length > 0)
            {
                counts[shingle] = counts.GetValueOrDefault(shingle) + 1;
            }
        }

        return counts;
    }

    [GeneratedRegex(@"\w+")]
    private static partial Regex Token();
}
