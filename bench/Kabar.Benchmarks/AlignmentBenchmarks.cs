using BenchmarkDotNet.Attributes;
using Kabar.Alignment;
using Kabar.Comparison;
using Kabar.Pipeline;
using Kabar.Text;

namespace Kabar.Benchmarks;

[MemoryDiagnoser]
public class AlignmentBenchmarks
{
    private static readonly SentenceAligner s_aligner = new(new SentenceAlignerOptions());
    private static readonly PassageAligner s_passages = new(new PassageAlignerOptions());
    private DocumentProfile _a = null!, _b = null!;
    private Article _articleA = null!, _articleB = null!;
    private string _textA = "", _textB = "";

    [Params(1000)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_textA, _textB) = ArticlePairGenerator.Create(Words);
        _a = DocumentProfile.Create(_textA, SentenceSplitter.Split(_textA), Language.Indonesian);
        _b = DocumentProfile.Create(_textB, SentenceSplitter.Split(_textB), Language.Indonesian);
        _articleA = NewsPipeline.Default.Process("a", _textA).Value!;
        _articleB = NewsPipeline.Default.Process("b", _textB).Value!;
    }

    [Benchmark(Baseline = true)]
    public int AlignSentences() => s_aligner.Align(_a, _b).Count;

    [Benchmark]
    public int AlignPassages() => s_passages.Align(_a, _b).Count;

    [Benchmark]
    public int ProcessArticle() => NewsPipeline.Default.Process("a", _textA).Value!.Sentences.Count;

    [Benchmark]
    public int CompareArticles() => ArticleComparer.Default.Compare(_articleA, _articleB).Alignments.Count;
}
