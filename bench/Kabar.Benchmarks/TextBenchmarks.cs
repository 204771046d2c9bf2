using BenchmarkDotNet.Attributes;
using Kabar.Text;

namespace Kabar.Benchmarks;

[MemoryDiagnoser]
public class TextBenchmarks
{
    private string _text = "";

    [Params(1000)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup() => _text = ArticlePairGenerator.Create(Words).A;

    [Benchmark(Baseline = true)]
    public int Tokenize() => Tokenizer.Tokenize(_text).Count;

    [Benchmark]
    public int SplitSentences() => SentenceSplitter.Split(_text).Count;

    [Benchmark]
    public string Normalize() => TextNormalizer.Normalize(_text);
}
