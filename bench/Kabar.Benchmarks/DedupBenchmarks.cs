using BenchmarkDotNet.Attributes;
using Kabar.Dedup;
using Kabar.Evaluation;
using Kabar.Pipeline;
using Kabar.Stories;

namespace Kabar.Benchmarks;

/// <summary>Per-article costs of ingest that need no store: signature (shingles, MinHash, bands), all duplicate keys
/// (bands and fingerprints), story features, and packing the raw bytes and words (and unpacking words, which every
/// candidate read from the store costs).</summary>
[MemoryDiagnoser]
public class DedupBenchmarks
{
    private string _words = "";
    private ulong[] _shingles = [];
    private Article _article = null!;
    private byte[] _raw = [];
    private byte[] _packedWords = [];

    [GlobalSetup]
    public void Setup()
    {
        // A ~400-word generated news article, as kabar ingest sees it.
        string text = SyntheticCorpus.Create(1).Single().Text;
        _article = NewsPipeline.Default.Process("bench", text).Value!;
        _words = StoryWords.Of(_article);
        _shingles = Shingles.Of(_words);
        _raw = System.Text.Encoding.UTF8.GetBytes(text);
        _packedWords = Storage.Packed.Of(_words).Bytes;
    }

    [Benchmark]
    public long[] Signature() => LshBands.Keys(MinHasher.Default.Signature(Shingles.Of(_words)));

    [Benchmark]
    public long[] DuplicateKeys() => Storage.Ingester.DuplicateKeys(Shingles.InOrder(_words));

    [Benchmark]
    public uint[] MinHashOnly() => MinHasher.Default.Signature(_shingles);

    [Benchmark]
    public StoryFeatures Features() => StoryFeatures.Of(_article);

    [Benchmark]
    public byte[] PackRawAndWords() => [.. Storage.Packed.Of(_raw).Bytes, .. Storage.Packed.Of(_words).Bytes];

    [Benchmark]
    public string UnpackWords() => Storage.Packed.UnpackText(_packedWords);
}
