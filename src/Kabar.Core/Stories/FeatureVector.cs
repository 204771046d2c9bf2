namespace Kabar.Stories;

/// <summary>
/// Story features by key (<see cref="CorpusStatistics.FeatureKey"/>) in ascending key order, each with its weight:
/// what grouping computes with. By key, a feature's idf is an array look-up and two vectors are compared by one merge
/// of their keys; by text, the committing thread hashed every word of every candidate centroid for its idf and decoded
/// each stored centroid into a dictionary of 100 strings (90 KB allocated an article at a million articles). An
/// article's vector also knows its features' text, to name those it shares with a story; a stored centroid does not.
/// Immutable.
/// </summary>
public sealed class FeatureVector
{
    private readonly long[] _keys;
    private readonly float[] _weights;
    private readonly string[]? _terms;

    private FeatureVector(long[] keys, float[] weights, string[]? terms)
    {
        (_keys, _weights, _terms) = (keys, weights, terms);
    }

    /// <summary>No features.</summary>
    public static FeatureVector Empty { get; } = new([], [], null);

    /// <summary>How many features.</summary>
    public int Count => _keys.Length;

    /// <summary>The keys, ascending.</summary>
    public ReadOnlySpan<long> Keys => _keys;

    /// <summary>The weights, in the order of <see cref="Keys"/>.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    private static readonly Comparer<(string Term, float Weight)> s_byTerm =
        Comparer<(string Term, float Weight)>.Create(static (a, b) => string.CompareOrdinal(a.Term, b.Term));

    /// <summary>The features of an article by key, with their text. Two features with one key (a 64-bit hash, so in
    /// practice never) are summed under the ordinally smaller text.</summary>
    public static FeatureVector Of(IReadOnlyDictionary<string, float> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        int n = terms.Count;
        long[] keys = new long[n];
        var items = new (string Term, float Weight)[n];
        int filled = 0;
        foreach ((string term, float weight) in terms)
        {
            (keys[filled], items[filled]) = (CorpusStatistics.FeatureKey(term), (term, weight));
            filled++;
        }

        // Sorted by key alone, the primitive comparison without a delegate; the terms of one key (a hash collision) are
        // then put in term order, so the same text stands for them and their weights add in the same order every time.
        Array.Sort(keys, items);
        float[] weights = new float[n];
        string[] texts = new string[n];
        int count = 0;
        for (int i = 0; i < n;)
        {
            long key = keys[i];
            int end = i + 1;
            while (end < n && keys[end] == key)
            {
                end++;
            }

            if (end - i > 1)
            {
                Array.Sort(items, i, end - i, s_byTerm);
            }

            (keys[count], texts[count], weights[count]) = (key, items[i].Term, items[i].Weight);
            for (int k = i + 1; k < end; k++)
            {
                weights[count] += items[k].Weight;
            }

            count++;
            i = end;
        }

        return count == n ? new FeatureVector(keys, weights, texts) : new FeatureVector(keys[..count], weights[..count], texts[..count]);
    }

    /// <summary>A vector of keys already in ascending order, without text: a centroid as stored. The arrays are kept,
    /// not copied.</summary>
    /// <exception cref="ArgumentException">The lengths differ, or the keys are not strictly ascending.</exception>
    public static FeatureVector FromSorted(long[] keys, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(weights);
        if (keys.Length != weights.Length)
        {
            throw new ArgumentException($"{keys.Length} keys but {weights.Length} weights", nameof(weights));
        }

        for (int i = 1; i < keys.Length; i++)
        {
            if (keys[i - 1] >= keys[i])
            {
                throw new ArgumentException($"keys not strictly ascending at {i}", nameof(keys));
            }
        }

        return new FeatureVector(keys, weights, null);
    }

    /// <summary>The text of the feature at <paramref name="index"/>, or null where it is not known.</summary>
    public string? TermAt(int index) => _terms?[index];

    /// <summary>The features of both, weights summed where they share a key; without text.</summary>
    public FeatureVector Plus(FeatureVector other)
    {
        ArgumentNullException.ThrowIfNull(other);
        long[] keys = new long[_keys.Length + other._keys.Length];
        float[] weights = new float[keys.Length];
        int i = 0, j = 0, n = 0;
        while (i < _keys.Length || j < other._keys.Length)
        {
            if (j == other._keys.Length || (i < _keys.Length && _keys[i] < other._keys[j]))
            {
                (keys[n], weights[n]) = (_keys[i], _weights[i]);
                i++;
            }
            else if (i == _keys.Length || other._keys[j] < _keys[i])
            {
                (keys[n], weights[n]) = (other._keys[j], other._weights[j]);
                j++;
            }
            else
            {
                (keys[n], weights[n]) = (_keys[i], _weights[i] + other._weights[j]);
                i++;
                j++;
            }

            n++;
        }

        return new FeatureVector(n == keys.Length ? keys : keys[..n], n == keys.Length ? weights : weights[..n], null);
    }
}
