using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Kabar.Stories;

/// <summary>
/// What the corpus as a whole says about words and shingles, kept incrementally as articles arrive: in how many
/// articles each story feature occurs (for inverse document frequency) and in how many each shingle occurs (so a
/// template shared by many articles does not make them copies of each other). Both are hashed counts of fixed size,
/// so memory does not grow with the corpus: features in 2^21 buckets, shingles in a count-min sketch of 2 × 2^21
/// saturating counters. Collisions only ever overstate a count. Not thread-safe.
/// </summary>
public sealed class CorpusStatistics
{
    /// <summary>
    /// Articles from which a shingle counts as frequent: template or stock phrase, not evidence of copying. Exact
    /// duplicates are not counted, so a wire story copied word for word never becomes frequent; a story rewritten
    /// this many times does, after which further near copies are found only by story grouping.
    /// </summary>
    public const int FrequentShingleArticles = 100;

    private const int FeatureBits = 21;
    private const int ShingleBits = 21;
    private const int FormatVersion = 1;

    private readonly int[] _featureCounts = new int[1 << FeatureBits];
    private readonly ushort[] _shingleCounts = new ushort[2 << ShingleBits];

    /// <summary>Articles counted.</summary>
    public long Articles { get; private set; }

    /// <summary>Counts one article's features and shingles.</summary>
    public void Add(StoryFeatures features, ReadOnlySpan<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(features);
        Articles++;
        foreach (string term in features.Terms.Keys)
        {
            ref int count = ref _featureCounts[FeatureBucket(term)];
            count++;
        }

        foreach (ulong shingle in shingles)
        {
            (int first, int second) = ShingleBuckets(shingle);
            // Conservative update: raise only the smaller counters, which keeps the overestimate small.
            ushort estimate = Math.Min(_shingleCounts[first], _shingleCounts[second]);
            if (estimate < ushort.MaxValue)
            {
                if (_shingleCounts[first] == estimate)
                {
                    _shingleCounts[first]++;
                }

                if (_shingleCounts[second] == estimate)
                {
                    _shingleCounts[second]++;
                }
            }
        }
    }

    /// <summary>Inverse document frequency, ln((N + 1) / (df + 1)) + 1: 1 for a word in every article, higher for rarer ones.</summary>
    public double Idf(string term) => Math.Log((Articles + 1.0) / (_featureCounts[FeatureBucket(term)] + 1.0)) + 1;

    /// <summary>Articles a shingle occurs in (at least; never fewer).</summary>
    public int ShingleArticles(ulong shingle)
    {
        (int first, int second) = ShingleBuckets(shingle);
        return Math.Min(_shingleCounts[first], _shingleCounts[second]);
    }

    /// <summary>True when a shingle occurs in at least <see cref="FrequentShingleArticles"/> articles.</summary>
    public bool IsFrequent(ulong shingle) => ShingleArticles(shingle) >= FrequentShingleArticles;

    /// <summary>The shingles that are not frequent; the same array when none is.</summary>
    public ulong[] WithoutFrequent(ulong[] shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        return Array.Exists(shingles, IsFrequent) ? Array.FindAll(shingles, s => !IsFrequent(s)) : shingles;
    }

    /// <summary>The statistics as compressed bytes, to be stored and read back with <see cref="FromBytes"/>.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZLibStream(buffer, CompressionLevel.Fastest))
        {
            Span<byte> header = stackalloc byte[12];
            BinaryPrimitives.WriteInt32LittleEndian(header, FormatVersion);
            BinaryPrimitives.WriteInt64LittleEndian(header[4..], Articles);
            zip.Write(header);
            zip.Write(MemoryMarshal.AsBytes(_featureCounts.AsSpan()));
            zip.Write(MemoryMarshal.AsBytes(_shingleCounts.AsSpan()));
        }

        return buffer.ToArray();
    }

    /// <summary>Reads statistics written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not statistics of this format.</exception>
    public static CorpusStatistics FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var statistics = new CorpusStatistics();
        using var zip = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[12];
        zip.ReadExactly(header);
        if (BinaryPrimitives.ReadInt32LittleEndian(header) != FormatVersion)
        {
            throw new InvalidDataException("corpus statistics of an unknown format");
        }

        statistics.Articles = BinaryPrimitives.ReadInt64LittleEndian(header[4..]);
        zip.ReadExactly(MemoryMarshal.AsBytes(statistics._featureCounts.AsSpan()));
        zip.ReadExactly(MemoryMarshal.AsBytes(statistics._shingleCounts.AsSpan()));
        return statistics;
    }

    /// <summary>A stable 64-bit key of a feature (XxHash3 of its UTF-16 text), as stored in the story index.</summary>
    public static long FeatureKey(string term) =>
        unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(term.AsSpan())));

    private static int FeatureBucket(string term) => (int)((ulong)FeatureKey(term) >> (64 - FeatureBits));

    private static (int, int) ShingleBuckets(ulong shingle)
    {
        // The shingle is already a hash: its high and low bits give two independent rows.
        int first = (int)(shingle >> (64 - ShingleBits));
        int second = (1 << ShingleBits) + (int)(shingle & ((1UL << ShingleBits) - 1));
        return (first, second);
    }
}
