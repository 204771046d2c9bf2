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
    public static ulong[] Of(string storyWords)
    {
        ArgumentNullException.ThrowIfNull(storyWords);
        var starts = new List<int>();
        for (int i = 0; i < storyWords.Length; i++)
        {
            if (i == 0 || storyWords[i - 1] == ' ')
            {
                starts.Add(i);
            }
        }

        if (starts.Count == 0)
        {
            return [];
        }

        var hashes = new HashSet<ulong>();
        int count = Math.Max(1, starts.Count - Size + 1);
        for (int w = 0; w < count; w++)
        {
            int end = w + Size < starts.Count ? starts[w + Size] - 1 : storyWords.Length;
            ReadOnlySpan<char> shingle = storyWords.AsSpan(starts[w], end - starts[w]);
            hashes.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(shingle)));
        }

        ulong[] sorted = [.. hashes];
        Array.Sort(sorted);
        return sorted;
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two sorted shingle sets; 0 when both are empty.</summary>
    public static double Jaccard(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        int shared = Intersection(a, b);
        int union = a.Length + b.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }

    /// <summary>|A ∩ B| / |A|: how much of <paramref name="a"/> stands in <paramref name="b"/>; 0 when A is empty.</summary>
    public static double Containment(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b) =>
        a.Length == 0 ? 0 : (double)Intersection(a, b) / a.Length;

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
