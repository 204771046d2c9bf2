using Kabar.Alignment;
using static Kabar.Core.Tests.Alignment.AlignmentFixtures;

namespace Kabar.Core.Tests.Alignment;

public class SentenceAlignerTests
{
    private static readonly SentenceAligner s_aligner = new(new SentenceAlignerOptions());

    private const string Original =
        "Banjir merendam ribuan rumah di tujuh desa setelah sungai meluap pada dini hari.\n" +
        "Kepala badan bencana mengatakan ketinggian air di permukiman mencapai satu setengah meter.\n" +
        "Tim penyelamat mengerahkan perahu karet untuk mengevakuasi warga lanjut usia dan anak-anak.\n" +
        "Pemerintah kabupaten menetapkan status tanggap darurat selama dua pekan.";

    private const string Rewrite =
        "Status tanggap darurat selama dua pekan ditetapkan pemerintah kabupaten.\n" +
        "Harga beras di pasar induk tidak berubah sejak pekan lalu.\n" +
        "Banjir merendam ribuan rumah di tujuh desa setelah sungai meluap pada dini hari tadi.\n" +
        "Menurut kepala badan bencana, air di kawasan permukiman setinggi satu setengah meter.";

    [Fact]
    public void Align_ReorderedRewrite_PairsEachCounterpart()
    {
        List<SentenceAlignment> pairs = s_aligner.Align(Profile(Original), Profile(Rewrite));
        Assert.Equal([(0, 2), (1, 3), (3, 0)], pairs.Select(p => (p.A.Index, p.B.Index)));
    }

    [Fact]
    public void Align_NearVerbatimIsCopied_RewordedIsParaphrased()
    {
        List<SentenceAlignment> pairs = s_aligner.Align(Profile(Original), Profile(Rewrite));
        Assert.Equal(AlignmentKind.Copied, pairs.Single(p => p.A.Index == 0).Kind);
        Assert.Equal(AlignmentKind.Paraphrased, pairs.Single(p => p.A.Index == 1).Kind);
        Assert.All(pairs, p => Assert.InRange(p.Score, 0.3, 1.0));
    }

    [Fact]
    public void Align_UnrelatedTexts_PairNothing()
    {
        DocumentProfile other = Profile("Tim nasional menang dua gol tanpa balas.\nPelatih memuji pertahanan yang disiplin.");
        Assert.Empty(s_aligner.Align(Profile(Original), other));
    }

    [Fact]
    public void Align_SameNamesButDifferentStatements_DoNotPair()
    {
        DocumentProfile a = Profile("Presiden Joko Widodo meresmikan bendungan baru di Jawa Tengah.");
        DocumentProfile b = Profile("Presiden Joko Widodo menghadiri pernikahan putra sahabatnya di Jawa Tengah.");
        Assert.Empty(s_aligner.Align(a, b));
    }

    [Fact]
    public void Align_IsDeterministic()
    {
        List<SentenceAlignment> first = s_aligner.Align(Profile(Original), Profile(Rewrite));
        List<SentenceAlignment> second = s_aligner.Align(Profile(Original), Profile(Rewrite));
        Assert.Equal(first.Select(p => (p.A.Index, p.B.Index, p.Cosine)), second.Select(p => (p.A.Index, p.B.Index, p.Cosine)));
    }
}
