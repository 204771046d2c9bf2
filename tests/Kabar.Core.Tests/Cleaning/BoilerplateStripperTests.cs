using Kabar.Cleaning;

namespace Kabar.Core.Tests.Cleaning;

public class BoilerplateStripperTests
{
    [Theory]
    [InlineData("Baca juga: Harga Cabai Naik Lagi", RemovalReason.RelatedLink)]
    [InlineData("BACA JUGA - Gempa di Laut Banda", RemovalReason.RelatedLink)]
    [InlineData("Baca berita dengan sedikit iklan, klik disini", RemovalReason.Advertisement)]
    [InlineData("Baca berita dengan sedikit iklan, klik di sini", RemovalReason.Advertisement)]
    [InlineData("Simak berita dan artikel lainnya di Google News", RemovalReason.RelatedLink)]
    [InlineData("Pilihan editor: Lima Cara Menabung", RemovalReason.EditorPick)]
    [InlineData("Gulir untuk melanjutkan", RemovalReason.Navigation)]
    [InlineData("Scroll to continue with content", RemovalReason.Navigation)]
    [InlineData("ADVERTISEMENT", RemovalReason.Advertisement)]
    [InlineData("- Advertisement -", RemovalReason.Advertisement)]
    [InlineData("Tinggalkan Balasan", RemovalReason.CommentForm)]
    [InlineData("Alamat email Anda tidak akan dipublikasikan. Ruas yang wajib ditandai *", RemovalReason.CommentForm)]
    [InlineData("Leave a Reply", RemovalReason.CommentForm)]
    [InlineData("Ikuti kami di Instagram dan TikTok", RemovalReason.Share)]
    [InlineData("Bagikan", RemovalReason.Share)]
    [InlineData("(oln/sptnk/rtrs/almydn/*)", RemovalReason.Credit)]
    [InlineData("ANTARA | CHANNEL NEWS ASIA", RemovalReason.Credit)]
    [InlineData("Editor: Rina Wulandari", RemovalReason.Byline)]
    [InlineData("Tags: banjir, cuaca", RemovalReason.Footer)]
    [InlineData("Copyright 2025 Harian Pagi", RemovalReason.Footer)]
    public void Strip_BoilerplateLine_IsRemovedWithReason(string line, RemovalReason reason)
    {
        string text = "Warga mengungsi ke balai desa.\n" + line + "\nAir mulai surut pada sore hari.";
        CleanedText cleaned = BoilerplateStripper.Default.Strip(text);
        Removal removal = Assert.Single(cleaned.Removals);
        Assert.Equal(reason, removal.Reason);
        Assert.Equal(line, removal.Text);
        Assert.Equal(line, removal.Span.Of(text));
        Assert.Equal(["Warga mengungsi ke balai desa.", "Air mulai surut pada sore hari."], cleaned.Lines.Select(l => l.Of(text)));
    }

    [Theory]
    [InlineData("Baca juga pernyataan lengkap menteri yang dibacakan di depan wartawan pada Senin pagi, ketika ratusan warga berkumpul di halaman kantor bupati untuk menuntut kejelasan soal ganti rugi lahan yang sudah tertunda selama hampir dua tahun tanpa ada kepastian dari pemerintah daerah maupun pusat.")]
    [InlineData("Komentar warga di media sosial beragam.")]
    [InlineData("Reuters melaporkan bahwa kapal itu tenggelam.")]
    [InlineData("Iklan rokok dilarang di televisi sejak tahun lalu.")]
    [InlineData("Editor senior itu mengundurkan diri pada Senin.")]
    public void Strip_StorySentence_IsKept(string line)
    {
        CleanedText cleaned = BoilerplateStripper.Default.Strip(line);
        Assert.Empty(cleaned.Removals);
        Assert.Single(cleaned.Lines);
    }

    [Fact]
    public void Strip_BlankLines_AreNeitherKeptNorRecorded()
    {
        CleanedText cleaned = BoilerplateStripper.Default.Strip("\n  \nSatu kalimat.\n\n");
        Assert.Single(cleaned.Lines);
        Assert.Empty(cleaned.Removals);
    }
}
