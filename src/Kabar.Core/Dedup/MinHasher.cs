namespace Kabar.Dedup;

/// <summary>
/// MinHash signatures (Broder 1997) of shingle sets: slot i holds the minimum over the set of
/// h_i(x) = (a_i·x + b_i) >> 32 (mod 2^64), a multiply-shift family whose odd multipliers a_i and offsets b_i come
/// from SplitMix64 seeded with <see cref="Seed"/>. Two signatures agree in a slot with probability close to the
/// Jaccard similarity of their sets. A storage format: the seed, count and family are fixed and pinned by tests.
/// Immutable and thread-safe.
/// </summary>
public sealed class MinHasher
{
    /// <summary>Signature slots.</summary>
    public const int Permutations = 128;

    /// <summary>The SplitMix64 seed of the hash family.</summary>
    public const ulong Seed = 0x6B61626172_2024UL;

    private readonly ulong[] _a = new ulong[Permutations];
    private readonly ulong[] _b = new ulong[Permutations];

    /// <summary>The hasher every stored signature was made with.</summary>
    public static MinHasher Default { get; } = new();

    private MinHasher()
    {
        ulong state = Seed;
        for (int i = 0; i < Permutations; i++)
        {
            _a[i] = SplitMix64(ref state) | 1UL;
            _b[i] = SplitMix64(ref state);
        }
    }

    /// <summary>The signature of a shingle set; every slot is <see cref="uint.MaxValue"/> for an empty set.</summary>
    public uint[] Signature(ReadOnlySpan<ulong> shingles)
    {
        uint[] signature = new uint[Permutations];
        Array.Fill(signature, uint.MaxValue);
        foreach (ulong x in shingles)
        {
            for (int i = 0; i < Permutations; i++)
            {
                uint h = (uint)(unchecked((_a[i] * x) + _b[i]) >> 32);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>The share of slots where two signatures agree: an estimate of the Jaccard similarity.</summary>
    public static double Estimate(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        int same = 0;
        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
