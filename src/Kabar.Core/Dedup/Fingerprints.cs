namespace Kabar.Dedup;

/// <summary>
/// Fingerprints chosen by winnowing (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document
/// fingerprinting", SIGMOD 2003): of every <see cref="Window"/> consecutive shingles of a text, in text order, the one
/// with the smallest hash (the rightmost of equals) is a fingerprint. Two texts that share a passage of at least
/// <see cref="GuaranteedWords"/> words share a fingerprint however much else either has, which is what MinHash
/// cannot promise: a brief inside an article four times its length has containment 1 but Jaccard 0.25, below
/// anything the LSH bands find. About 2 / (<see cref="Window"/> + 1) of an article's shingles are chosen.
/// </summary>
public static class Fingerprints
{
    /// <summary>Shingles per window. A storage format, with <see cref="Shingles"/>: changing it changes the stored keys.</summary>
    public const int Window = 32;

    /// <summary>The length of a shared passage, in words, from which two texts always share a fingerprint.</summary>
    public const int GuaranteedWords = Window + Shingles.Size - 1;

    /// <summary>The distinct fingerprints of a text's shingles in text order (<see cref="Shingles.InOrder"/>), as
    /// signed 64-bit values (SQLite integers are signed); a text of fewer shingles than a window gives its smallest.</summary>
    public static long[] Of(ReadOnlySpan<ulong> sequence)
    {
        if (sequence.IsEmpty)
        {
            return [];
        }

        var chosen = new List<ulong>(2 * sequence.Length / (Window + 1) + 1);
        int windows = Math.Max(1, sequence.Length - Window + 1);
        int minimum = -1;
        for (int start = 0; start < windows; start++)
        {
            int end = Math.Min(start + Window, sequence.Length);
            if (minimum < start)
            {
                // The last minimum left the window: find the new one.
                minimum = start;
                for (int i = start + 1; i < end; i++)
                {
                    if (sequence[i] <= sequence[minimum])
                    {
                        minimum = i;
                    }
                }

                chosen.Add(sequence[minimum]);
            }
            else if (sequence[end - 1] <= sequence[minimum])
            {
                minimum = end - 1;
                chosen.Add(sequence[minimum]);
            }
        }

        return [.. Shingles.Set(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chosen)).Select(f => unchecked((long)f))];
    }
}
