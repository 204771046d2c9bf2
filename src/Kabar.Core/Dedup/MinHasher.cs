using System.Numerics;

namespace Kabar.Dedup;

/// <summary>
/// MinHash signatures of shingle sets by one permutation hashing (Li, Owen and Zhang 2012) with optimal densification
/// (Shrivastava 2017): each shingle is hashed once, the top 7 bits of the hash choose one of the
/// <see cref="Permutations"/> slots and the low 32 bits compete for that slot's minimum. A slot no shingle fell into
/// takes the value of a filled slot found by a probe sequence that depends only on the slot, so two sets agree in a
/// slot with probability close to their Jaccard similarity, as with 128 independent permutations, for one hash per
/// shingle instead of 128. Sets smaller than the slot count give noisier estimates: every filled slot then carries
/// about one shingle.
/// <para>A storage format (<see cref="Format"/>): the seed, mixing, slot choice and probe sequence are pinned by tests;
/// stores keep the format their band keys were made with and rebuild them when it changes. Immutable and thread-safe.</para>
/// </summary>
public sealed class MinHasher
{
    /// <summary>Signature slots.</summary>
    public const int Permutations = 128;

    /// <summary>Names the signature format; a store whose band keys were made with another rebuilds them.</summary>
    public const string Format = "oph-densified-128/1";

    /// <summary>The seed of the shingle hash.</summary>
    public const ulong Seed = 0x6B61626172_2024UL;

    // Seeds the probe sequence of empty slots; any constant unrelated to Seed.
    private const ulong ProbeSeed = 0x9E3779B97F4A7C15UL;

    // Log2 of Permutations: the hash's top bits that choose a slot.
    private const int SlotBits = 7;

    // After this many probes an empty slot takes the next filled slot instead; reached with probability below
    // (127/128)^4096 even when one slot is filled, so it only bounds the loop.
    private const int MaxProbes = 4096;

    /// <summary>The hasher every stored signature is made with.</summary>
    public static MinHasher Default { get; } = new();

    private MinHasher()
    {
    }

    /// <summary>The signature of a shingle set; every slot is <see cref="uint.MaxValue"/> for an empty set.</summary>
    public uint[] Signature(ReadOnlySpan<ulong> shingles)
    {
        uint[] signature = new uint[Permutations];
        Array.Fill(signature, uint.MaxValue);
        Span<ulong> filled = stackalloc ulong[Permutations / 64];
        foreach (ulong x in shingles)
        {
            ulong h = Mix(x ^ Seed);
            int slot = (int)(h >> (64 - SlotBits));
            uint value = (uint)h;
            filled[slot >> 6] |= 1UL << slot;
            if (value < signature[slot])
            {
                signature[slot] = value;
            }
        }

        int filledSlots = BitOperations.PopCount(filled[0]) + BitOperations.PopCount(filled[1]);
        if (filledSlots is > 0 and < Permutations)
        {
            Densify(signature, filled);
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

    // Every empty slot copies a slot that a shingle filled (never one filled by densification), chosen by probing
    // slots in an order fixed per empty slot: two sets that filled the same slots borrow alike, which keeps the
    // agreement of two signatures an estimate of Jaccard similarity (Shrivastava's "optimal densification").
    private static void Densify(uint[] signature, ReadOnlySpan<ulong> filled)
    {
        for (int empty = 0; empty < Permutations; empty++)
        {
            if (IsFilled(filled, empty))
            {
                continue;
            }

            int source = -1;
            for (ulong probe = 0; probe < MaxProbes && source < 0; probe++)
            {
                int slot = (int)(Mix(ProbeSeed ^ ((ulong)empty << 32) ^ probe) >> (64 - SlotBits));
                source = IsFilled(filled, slot) ? slot : -1;
            }

            for (int step = 1; source < 0; step++)
            {
                int slot = (empty + step) % Permutations;
                source = IsFilled(filled, slot) ? slot : -1;
            }

            signature[empty] = signature[source];
        }
    }

    private static bool IsFilled(ReadOnlySpan<ulong> filled, int slot) => (filled[slot >> 6] & (1UL << slot)) != 0;

    // The MurmurHash3 64-bit finaliser: every input bit reaches every output bit.
    private static ulong Mix(ulong x)
    {
        unchecked
        {
            x ^= x >> 33;
            x *= 0xFF51AFD7ED558CCDUL;
            x ^= x >> 33;
            x *= 0xC4CEB9FE1A85EC53UL;
            return x ^ (x >> 33);
        }
    }
}
