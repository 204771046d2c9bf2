namespace Kabar.Alignment;

/// <summary>A pair of sentences, one from each document, with its similarity.</summary>
/// <param name="A">Sentence index in the first document.</param>
/// <param name="B">Sentence index in the second document.</param>
/// <param name="Cosine">Cosine of the tf-isf term vectors, 0–1.</param>
/// <param name="Dice">Dice coefficient of the term sets, 0–1.</param>
public readonly record struct SentencePair(int A, int B, double Cosine, double Dice);

/// <summary>
/// Scores sentence pairs of two documents by tf-isf cosine and Dice (Sanchez-Perez et al., PAN 2014): a term's
/// weight is its count times log(1 + N / df) over the N sentences of both documents, so words that occur
/// everywhere count little. Candidates come from an inverted index of the second document, so only pairs that
/// share a term are scored: cost follows shared vocabulary, not the product of the sentence counts.
/// </summary>
public sealed class SentencePairScorer
{
    private readonly Dictionary<string, double>[] _vectorsA;
    private readonly Dictionary<string, double>[] _vectorsB;
    private readonly Dictionary<string, double> _isf;

    /// <summary>Prepares vectors for every sentence of both documents.</summary>
    public SentencePairScorer(DocumentProfile a, DocumentProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (SentenceProfile sentence in a.Sentences.Concat(b.Sentences))
        {
            foreach (string term in sentence.Terms.Distinct(StringComparer.Ordinal))
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        int n = a.Sentences.Count + b.Sentences.Count;
        _isf = new Dictionary<string, double>(df.Count, StringComparer.Ordinal);
        foreach ((string term, int count) in df)
        {
            _isf[term] = Math.Log(1.0 + ((double)n / count));
        }

        _vectorsA = [.. a.Sentences.Select(s => Vector(s.Terms))];
        _vectorsB = [.. b.Sentences.Select(s => Vector(s.Terms))];
    }

    /// <summary>Every pair sharing at least one term whose cosine and Dice reach the given minimums, ordered by (A, B).</summary>
    public List<SentencePair> Pairs(double minCosine, double minDice)
    {
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int j = 0; j < _vectorsB.Length; j++)
        {
            foreach (string term in _vectorsB[j].Keys)
            {
                if (!postings.TryGetValue(term, out List<int>? list))
                {
                    postings[term] = list = [];
                }

                list.Add(j);
            }
        }

        var pairs = new List<SentencePair>();
        var candidates = new SortedSet<int>();
        for (int i = 0; i < _vectorsA.Length; i++)
        {
            candidates.Clear();
            foreach (string term in _vectorsA[i].Keys)
            {
                if (postings.TryGetValue(term, out List<int>? list))
                {
                    candidates.UnionWith(list);
                }
            }

            foreach (int j in candidates)
            {
                double cosine = Cosine(_vectorsA[i], _vectorsB[j]);
                double dice = Dice(_vectorsA[i], _vectorsB[j]);
                if (cosine >= minCosine && dice >= minDice)
                {
                    pairs.Add(new SentencePair(i, j, cosine, dice));
                }
            }
        }

        return pairs;
    }

    /// <summary>Cosine of the summed vectors of sentences <c>[a0, a1]</c> of the first document and <c>[b0, b1]</c> of the second.</summary>
    public double FragmentCosine(int a0, int a1, int b0, int b1) =>
        Cosine(Sum(_vectorsA, a0, a1), Sum(_vectorsB, b0, b1));

    private Dictionary<string, double> Vector(string[] terms)
    {
        var vector = new Dictionary<string, double>(terms.Length, StringComparer.Ordinal);
        foreach (string term in terms)
        {
            vector[term] = vector.GetValueOrDefault(term) + _isf[term];
        }

        return vector;
    }

    private static Dictionary<string, double> Sum(Dictionary<string, double>[] vectors, int from, int to)
    {
        var sum = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int k = from; k <= to; k++)
        {
            foreach ((string term, double weight) in vectors[k])
            {
                sum[term] = sum.GetValueOrDefault(term) + weight;
            }
        }

        return sum;
    }

    private static double Cosine(Dictionary<string, double> x, Dictionary<string, double> y)
    {
        if (x.Count > y.Count)
        {
            (x, y) = (y, x);
        }

        double dot = 0;
        foreach ((string term, double weight) in x)
        {
            if (y.TryGetValue(term, out double other))
            {
                dot += weight * other;
            }
        }

        if (dot == 0)
        {
            return 0;
        }

        return dot / (Norm(x) * Norm(y));
    }

    private static double Norm(Dictionary<string, double> x)
    {
        double sum = 0;
        foreach (double weight in x.Values)
        {
            sum += weight * weight;
        }

        return Math.Sqrt(sum);
    }

    private static double Dice(Dictionary<string, double> x, Dictionary<string, double> y)
    {
        if (x.Count == 0 || y.Count == 0)
        {
            return 0;
        }

        int shared = 0;
        foreach (string term in x.Keys)
        {
            if (y.ContainsKey(term))
            {
                shared++;
            }
        }

        return 2.0 * shared / (x.Count + y.Count);
    }
}
