namespace Kabar.Entities;

/// <summary>Levenshtein distance and the similarity 1 − distance / longer length, case-insensitive.</summary>
public static class EditDistance
{
    /// <summary>Similarity of two words, 0–1.</summary>
    public static double Similarity(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1.0 - (double)Distance(a.ToLowerInvariant(), b.ToLowerInvariant()) / longer;
    }

    /// <summary>The Levenshtein distance of two strings, ordinal.</summary>
    public static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
