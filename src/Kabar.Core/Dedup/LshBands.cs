using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Kabar.Dedup;

/// <summary>
/// Locality-sensitive hashing by banding (Leskovec, Rajaraman and Ullman, "Mining of Massive Datasets", §3.4): the
/// 128 signature slots are cut into <see cref="Bands"/> bands of <see cref="Rows"/> rows; two articles are candidates
/// when any band is equal. The probability of that is 1 − (1 − s^r)^b for Jaccard s, which rises steeply around
/// <see cref="Threshold"/> = (1/b)^(1/r) ≈ 0.42 for 32 × 4: near copies and partial copies (an article that is
/// mostly another plus a paragraph) become candidates, and every candidate is verified on its shingles.
/// </summary>
public static class LshBands
{
    /// <summary>Bands per signature.</summary>
    public const int Bands = 32;

    /// <summary>Signature slots per band.</summary>
    public const int Rows = MinHasher.Permutations / Bands;

    /// <summary>The Jaccard similarity at which the candidate probability is steepest.</summary>
    public static double Threshold => Math.Pow(1.0 / Bands, 1.0 / Rows);

    /// <summary>The probability that two sets with Jaccard <paramref name="jaccard"/> become candidates.</summary>
    public static double CandidateProbability(double jaccard) => 1 - Math.Pow(1 - Math.Pow(jaccard, Rows), Bands);

    /// <summary>One key per band: XxHash3 of the band's rows, seeded with the band number, as a signed 64-bit value
    /// (SQLite integers are signed).</summary>
    public static long[] Keys(ReadOnlySpan<uint> signature)
    {
        if (signature.Length != MinHasher.Permutations)
        {
            throw new ArgumentException($"a signature has {MinHasher.Permutations} slots, not {signature.Length}", nameof(signature));
        }

        long[] keys = new long[Bands];
        for (int band = 0; band < Bands; band++)
        {
            keys[band] = unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(signature.Slice(band * Rows, Rows)), band));
        }

        return keys;
    }
}
