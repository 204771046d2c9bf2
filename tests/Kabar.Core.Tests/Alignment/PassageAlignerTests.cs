using Kabar.Alignment;
using Kabar.Text;

namespace Kabar.Core.Tests.Alignment;

public class PassageAlignerTests
{
    private static readonly PassageAligner s_aligner = new(new PassageAlignerOptions());

    private const string Reused =
        "The harbour authority said the first container ships left the port before dawn on Tuesday. " +
        "Dock workers accepted a wage rise of seven percent spread over two years. " +
        "The stoppage was the longest at the port since the dispute of two thousand eleven. " +
        "Shipping companies had diverted fourteen vessels to a smaller port further along the coast. ";

    // Sentences of invented words: no two filler sentences share vocabulary, so only the planted passage matches.
    private static string Filler(int seed, int sentences)
    {
        var random = new Random(seed);
        string Word() => new([.. Enumerable.Range(0, random.Next(4, 9)).Select(_ => (char)('a' + random.Next(26)))]);
        return string.Concat(Enumerable.Range(0, sentences).Select(_ =>
        {
            string sentence = string.Join(' ', Enumerable.Range(0, random.Next(8, 14)).Select(_ => Word()));
            return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ". ";
        }));
    }

    [Fact]
    public void Align_PlantedPassage_IsFoundInBothDocuments()
    {
        string suspicious = Filler(1, 12) + Reused + Filler(2, 10);
        string source = Filler(3, 6) + Reused + Filler(4, 15);
        (DocumentProfile a, DocumentProfile b) = s_aligner.Prepare(suspicious, source, Language.English);
        PassagePair pair = Assert.Single(s_aligner.Align(a, b));
        int startA = suspicious.IndexOf(Reused, StringComparison.Ordinal), startB = source.IndexOf(Reused, StringComparison.Ordinal);
        Assert.Equal(startA, pair.A.Start);
        Assert.Equal(startA + Reused.TrimEnd().Length, pair.A.End);
        Assert.Equal(startB, pair.B.Start);
        Assert.Equal(startB + Reused.TrimEnd().Length, pair.B.End);
    }

    [Fact]
    public void Align_UnrelatedDocuments_FindNothing()
    {
        (DocumentProfile a, DocumentProfile b) = s_aligner.Prepare(Filler(5, 20), Reused + Reused, Language.English);
        Assert.Empty(s_aligner.Align(a, b));
    }
}
