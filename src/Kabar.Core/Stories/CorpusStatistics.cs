using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Kabar.Stories;

/// <summary>
/// What the corpus says about words and shingles, kept incrementally as articles arrive: in how many articles each
/// story feature occurs (for inverse document frequency), and in how many recent articles each shingle occurs (so a
/// template shared by many articles does not make them copies of each other). Both are hashed counts of fixed size,
/// so memory does not grow with the corpus: features in 2^21 buckets over all articles; shingles in a count-min
/// sketch of 2 × 2^21 saturating counters per generation, two generations (see <see cref="ShinglesPerGeneration"/>).
/// Collisions only ever overstate a count. Not thread-safe.
/// </summary>
public sealed class CorpusStatistics
{
    /// <summary>
    /// Recent articles from which a shingle counts as frequent: template or stock phrase, not evidence of copying.
    /// Exact duplicates are not counted, so a wire story copied word for word never becomes frequent; a story rewritten
    /// this many times within the window does, after which further near copies are found only by story grouping.
    /// </summary>
    public const int FrequentShingleArticles = 100;

    /// <summary>
    /// Shingles a generation counts before the one before it is forgotten: 8 per counter, about 40,000 articles of
    /// 400 words. Shingles are counted over the current generation and the previous one, so a template in use is
    /// always seen in its last 40,000–80,000 articles' worth. Counting over all articles instead filled every counter
    /// past <see cref="FrequentShingleArticles"/> near 900,000 such articles, after which every shingle was
    /// "frequent" and no copy could be found (docs/benchmarks.md).
    /// </summary>
    public const long ShinglesPerGeneration = 8L << ShingleBits;

    private const int FeatureBits = 21;
    private const int ShingleBits = 21;
    private const int FormatVersion = 2;

    private readonly int[] _featureCounts = new int[1 << FeatureBits];
    private readonly int _shingleBits;
    private readonly long _shinglesPerGeneration;

    // The sketch's counters, both generations of a bucket side by side: [2 × bucket + generation]. Asking how often a
    // shingle occurs then reads two cache lines instead of four; the committing thread asks ~2,000 times an article,
    // and the 8 MB of counters seldom stay in the processor's caches between articles.
    private readonly byte[] _shingles;
    private int _current;
    private long _shinglesCounted;

    /// <summary>Empty statistics.</summary>
    public CorpusStatistics()
        : this(ShingleBits, ShinglesPerGeneration)
    {
    }

    // A smaller sketch, so tests can fill generations quickly; never saved.
    internal CorpusStatistics(int shingleBits, long shinglesPerGeneration)
    {
        _shingleBits = shingleBits;
        _shinglesPerGeneration = shinglesPerGeneration;
        _shingles = new byte[4 << shingleBits];
    }

    /// <summary>Articles counted.</summary>
    public long Articles { get; private set; }

    /// <summary>Counts one article's features and shingles.</summary>
    public void Add(StoryFeatures features, ReadOnlySpan<ulong> shingles)
    {
        ArgumentNullException.ThrowIfNull(features);
        Articles++;
        foreach (long key in features.Vector.Keys)
        {
            ref int count = ref _featureCounts[FeatureBucket(key)];
            count++;
        }

        CountShingles(shingles);
    }

    // Counts one article's (distinct) shingles in the current generation, and starts a new one when it is full.
    private void CountShingles(ReadOnlySpan<ulong> shingles)
    {
        foreach (ulong shingle in shingles)
        {
            (int first, int second) = ShingleBuckets(shingle);
            ref byte a = ref _shingles[(2 * first) + _current];
            ref byte b = ref _shingles[(2 * second) + _current];
            // Conservative update: raise only the smaller counters, which keeps the overestimate small.
            byte estimate = Math.Min(a, b);
            if (estimate < byte.MaxValue)
            {
                if (a == estimate)
                {
                    a++;
                }

                if (b == estimate)
                {
                    b++;
                }
            }
        }

        _shinglesCounted += shingles.Length;
        if (_shinglesCounted >= _shinglesPerGeneration)
        {
            // The previous generation is forgotten, and its counters count the next one.
            _current ^= 1;
            for (int i = _current; i < _shingles.Length; i += 2)
            {
                _shingles[i] = 0;
            }

            _shinglesCounted = 0;
        }
    }

    /// <summary>Inverse document frequency of the feature with <paramref name="key"/> (<see cref="FeatureKey"/>),
    /// ln((N + 1) / (df + 1)) + 1: 1 for a word in every article, higher for rarer ones.</summary>
    public double Idf(long key) => Math.Log((Articles + 1.0) / (_featureCounts[FeatureBucket(key)] + 1.0)) + 1;

    /// <summary>Recent articles a shingle occurs in: those of the current generation and the previous one (at least;
    /// never fewer).</summary>
    public int ShingleArticles(ulong shingle)
    {
        (int first, int second) = ShingleBuckets(shingle);
        return Math.Min(_shingles[2 * first], _shingles[2 * second]) + Math.Min(_shingles[(2 * first) + 1], _shingles[(2 * second) + 1]);
    }

    /// <summary>True when a shingle occurs in at least <see cref="FrequentShingleArticles"/> recent articles.</summary>
    public bool IsFrequent(ulong shingle) => ShingleArticles(shingle) >= FrequentShingleArticles;

    /// <summary>The shingles that are not frequent; the same array when none is.</summary>
    public ulong[] WithoutFrequent(ulong[] shingles)
    {
        ArgumentNullException.ThrowIfNull(shingles);
        // Each shingle is asked once: a count reads the sketch, which seldom stays in the processor's caches.
        int first = Array.FindIndex(shingles, IsFrequent);
        if (first < 0)
        {
            return shingles;
        }

        ulong[] kept = new ulong[shingles.Length - 1];
        shingles.AsSpan(0, first).CopyTo(kept);
        int count = first;
        for (int i = first + 1; i < shingles.Length; i++)
        {
            if (!IsFrequent(shingles[i]))
            {
                kept[count++] = shingles[i];
            }
        }

        return count == kept.Length ? kept : kept[..count];
    }

    /// <summary>The statistics as compressed bytes, to be stored and read back with <see cref="FromBytes"/>.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZLibStream(buffer, CompressionLevel.Fastest))
        {
            Span<byte> header = stackalloc byte[20];
            BinaryPrimitives.WriteInt32LittleEndian(header, FormatVersion);
            BinaryPrimitives.WriteInt64LittleEndian(header[4..], Articles);
            BinaryPrimitives.WriteInt64LittleEndian(header[12..], _shinglesCounted);
            zip.Write(header);
            zip.Write(MemoryMarshal.AsBytes(_featureCounts.AsSpan()));
            zip.Write(Generation(_current));
            zip.Write(Generation(_current ^ 1));
        }

        return buffer.ToArray();
    }

    /// <summary>Reads statistics written by <see cref="ToBytes"/>. Statistics of format 1 counted shingles over all
    /// articles, which fills the sketch in large stores; their shingle counts are dropped and made again from
    /// <paramref name="recentShingles"/> (the shingles of the latest articles counted, oldest first).</summary>
    /// <exception cref="InvalidDataException">The bytes are not statistics of a known format.</exception>
    public static CorpusStatistics FromBytes(byte[] bytes, Func<IEnumerable<ulong[]>>? recentShingles = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var statistics = new CorpusStatistics();
        using var zip = new ZLibStream(new MemoryStream(bytes), CompressionMode.Decompress);
        Span<byte> header = stackalloc byte[12];
        zip.ReadExactly(header);
        int version = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (version is not (1 or FormatVersion))
        {
            throw new InvalidDataException("corpus statistics of an unknown format");
        }

        statistics.Articles = BinaryPrimitives.ReadInt64LittleEndian(header[4..]);
        if (version == FormatVersion)
        {
            zip.ReadExactly(header[..8]);
            statistics._shinglesCounted = BinaryPrimitives.ReadInt64LittleEndian(header);
        }

        zip.ReadExactly(MemoryMarshal.AsBytes(statistics._featureCounts.AsSpan()));
        if (version == 1)
        {
            foreach (ulong[] shingles in recentShingles?.Invoke() ?? [])
            {
                statistics.CountShingles(shingles);
            }

            return statistics;
        }

        byte[] generation = new byte[statistics._shingles.Length / 2];
        for (int g = 0; g < 2; g++)
        {
            zip.ReadExactly(generation);
            for (int i = 0; i < generation.Length; i++)
            {
                statistics._shingles[(2 * i) + g] = generation[i];
            }
        }

        return statistics;
    }

    // One generation's counters in bucket order, as saved.
    private byte[] Generation(int g)
    {
        byte[] counters = new byte[_shingles.Length / 2];
        for (int i = 0; i < counters.Length; i++)
        {
            counters[i] = _shingles[(2 * i) + g];
        }

        return counters;
    }

    /// <summary>A stable 64-bit key of a feature (XxHash3 of its UTF-16 text), as stored in the story index.</summary>
    public static long FeatureKey(string term) =>
        unchecked((long)XxHash3.HashToUInt64(MemoryMarshal.AsBytes(term.AsSpan())));

    private static int FeatureBucket(long key) => (int)((ulong)key >> (64 - FeatureBits));

    private (int, int) ShingleBuckets(ulong shingle)
    {
        // The shingle is already a hash: its high and low bits give two independent rows.
        int first = (int)(shingle >> (64 - _shingleBits));
        int second = (1 << _shingleBits) + (int)(shingle & ((1UL << _shingleBits) - 1));
        return (first, second);
    }
}
