using Kabar.Text;

namespace Kabar.Alignment;

/// <summary>What a diff operation does.</summary>
public enum DiffKind
{
    /// <summary>The same words on both sides.</summary>
    Equal,
    /// <summary>Words only in the first sentence.</summary>
    Deleted,
    /// <summary>Words only in the second sentence.</summary>
    Inserted,
    /// <summary>Words of the first sentence replaced by words of the second.</summary>
    Replaced,
}

/// <summary>One run of a word-level diff. A side with no words has an empty span at the position where they would be.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="A">The words in the first text.</param>
/// <param name="B">The words in the second text.</param>
public readonly record struct DiffOp(DiffKind Kind, TextSpan A, TextSpan B);

/// <summary>
/// Word-level diff of two sentences by longest common subsequence of lower-cased words, with the similarity
/// ratio 2·M/(|a|+|b|) (M = words in common, in order), as difflib's SequenceMatcher computes it.
/// </summary>
public static class WordDiff
{
    /// <summary>The ratio of words the two sentences share in order, 0–1.</summary>
    public static double Ratio(SentenceProfile a, SentenceProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        int total = a.WordKeys.Length + b.WordKeys.Length;
        return total == 0 ? 0 : 2.0 * Lcs(a.WordKeys, b.WordKeys)[0, 0] / total;
    }

    /// <summary>The diff of <paramref name="a"/> into <paramref name="b"/>; adjacent deletions and insertions merge into replacements.</summary>
    public static List<DiffOp> Diff(SentenceProfile a, SentenceProfile b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        string[] x = a.WordKeys, y = b.WordKeys;
        int[,] lcs = Lcs(x, y);
        var ops = new List<DiffOp>();
        int i = 0, j = 0;
        while (i < x.Length || j < y.Length)
        {
            if (i < x.Length && j < y.Length && string.Equals(x[i], y[j], StringComparison.Ordinal))
            {
                int i0 = i, j0 = j;
                while (i < x.Length && j < y.Length && string.Equals(x[i], y[j], StringComparison.Ordinal))
                {
                    i++;
                    j++;
                }

                ops.Add(new DiffOp(DiffKind.Equal, Span(a, i0, i), Span(b, j0, j)));
                continue;
            }

            int di = i, dj = j;
            while ((i < x.Length || j < y.Length) && !(i < x.Length && j < y.Length && string.Equals(x[i], y[j], StringComparison.Ordinal)))
            {
                if (j >= y.Length || (i < x.Length && lcs[i + 1, j] >= lcs[i, j + 1]))
                {
                    i++;
                }
                else
                {
                    j++;
                }
            }

            DiffKind kind = i > di && j > dj ? DiffKind.Replaced : i > di ? DiffKind.Deleted : DiffKind.Inserted;
            ops.Add(new DiffOp(kind, Span(a, di, i), Span(b, dj, j)));
        }

        return ops;
    }

    // Suffix LCS lengths: lcs[i, j] is the LCS of x[i..] and y[j..].
    private static int[,] Lcs(string[] x, string[] y)
    {
        int[,] lcs = new int[x.Length + 1, y.Length + 1];
        for (int i = x.Length - 1; i >= 0; i--)
        {
            for (int j = y.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(x[i], y[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        return lcs;
    }

    // The text span covering words [from, to) of a sentence; an empty run sits where the next word starts.
    private static TextSpan Span(SentenceProfile s, int from, int to)
    {
        if (from < to)
        {
            return new TextSpan(s.Words[from].Start, s.Words[to - 1].End);
        }

        int at = from < s.Words.Length ? s.Words[from].Start : s.Span.End;
        return new TextSpan(at, at);
    }
}
