using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Kabar.Dedup;

/// <summary>
/// Word shingles of story words as 64-bit hashes: XxHash3 (seed 0) of each run of <see cref="Size"/> words joined by
/// single spaces, UTF-16. A storage format: changing the size, seed or encoding changes every stored signature.
/// </summary>
public static class Shingles
{
    /// <summary>Words per shingle. Five words: long enough that two unrelated articles rarely share one.</summary>
    public const int Size = 5;

    /// <summary>The distinct shingle hashes of <paramref name="storyWords"/> (see <see cref="StoryWords"/>), sorted.
    /// A text shorter than <see cref="Size"/> words gives one shingle of all its words.</summary>
    public static ulong[] Of(string storyWords) => SortDistinct(InOrder(storyWords));

    /// <summary>The distinct values of <paramref name="sequence"/>, sorted, in a new array.</summary>
    public static ulong[] Set(ReadOnlySpan<ulong> sequence) => SortDistinct(sequence.ToArray());

    /// <summary>The shingle hashes of <paramref name="storyWords"/> in text order, repeats kept: one per run of
    /// <see cref="Size"/> words, or one of all words for a shorter text; none for no words.</summary>
    public static ulong[] InOrder(string storyWords)
    {
        ArgumentNullException.ThrowIfNull(storyWords);
        if (storyWords.Length == 0)
        {
            return [];
        }

        int words = storyWords.AsSpan().Count(' ') + 1;
        int[] starts = ArrayPool<int>.Shared.Rent(words + 1);
        int w = 0;
        for (int i = 0; i < storyWords.Length; i++)
        {
            if (i == 0 || storyWords[i - 1] == ' ')
            {
                starts[w++] = i;
            }
        }

        starts[w] = storyWords.Length + 1;
        int count = Math.Max(1, w - Size + 1);
        ulong[] hashes = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            int end = Math.Min(starts[Math.Min(i + Size, w)] - 1, storyWords.Length);
            hashes[i] = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(storyWords.AsSpan(starts[i], end - starts[i])));
        }

        ArrayPool<int>.Shared.Return(starts);
        return hashes;
    }

    // Sorting and dropping repeats in place is cheaper than a hash set for the few hundred shingles of an article.
    private static ulong[] SortDistinct(ulong[] hashes)
    {
        if (hashes.Length == 0)
        {
            return hashes;
        }

        Array.Sort(hashes);
        int distinct = 1;
        for (int i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] != hashes[distinct - 1])
            {
                hashes[distinct++] = hashes[i];
            }
        }

        return distinct == hashes.Length ? hashes : hashes[..distinct];
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted shingle sets; 0 when both are empty.</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) => Overlap(a, b).Jaccard;

    /// <summary>|A ∩ B| / |A|: how much of <paramref name="a"/> stands in <paramref name="b"/>; 0 when A is empty.</summary>
    public static double Containment(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) =>
        a.Length == 0 ? 0 : (double)Intersection(a, b) / a.Length;

    /// <summary>What two sorted shingle sets share, counted once for both measures.</summary>
    public static ShingleOverlap Overlap(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) => new(Intersection(a, b), a.Length, b.Length);

    private static int Intersection(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }
}

/// <summary>The shingles two sets share, and their sizes.</summary>
/// <param name="Shared">|A ∩ B|.</param>
/// <param name="A">|A|.</param>
/// <param name="B">|B|.</param>
public readonly record struct ShingleOverlap(int Shared, int A, int B)
{
    /// <summary>|A ∩ B| / |A ∪ B|; 0 when both are empty.</summary>
    public double Jaccard => A + B - Shared is int union and > 0 ? (double)Shared / union : 0;

    /// <summary>How much of the smaller set stands in the other: the larger of |A ∩ B| / |A| and |A ∩ B| / |B|, taking
    /// 0 for an empty set.</summary>
    public double Containment => Math.Max(A == 0 ? 0 : (double)Shared / A, B == 0 ? 0 : (double)Shared / B);
}
