using Kabar.Text;

namespace Kabar.Core.Tests.Text;

public sealed class IndonesianAffixesTests
{
    [Theory]
    [InlineData("dilaporkannya", "lapor")]
    [InlineData("menulis", "tulis")]
    [InlineData("memukul", "pukul")]
    [InlineData("menyapu", "sapu")]
    [InlineData("mengirimkan", "kirim")]
    [InlineData("mengambil", "ambil")]
    [InlineData("pelabuhan", "labuh")]
    [InlineData("keberhasilan", "hasil")]
    [InlineData("diperdagangkan", "dagang")]
    [InlineData("pengungsian", "ungsi")]
    [InlineData("membuka", "buka")]
    [InlineData("mendapat", "dapat")]
    public void Roots_IncludeTheRoot(string word, string root) => Assert.Contains(root, IndonesianAffixes.Roots(word));

    [Fact]
    public void Roots_StartWithTheWordItself_AndGuessNothingShort()
    {
        IReadOnlyList<string> roots = IndonesianAffixes.Roots("banjir");
        Assert.Equal(["banjir"], roots);
        Assert.All(IndonesianAffixes.Roots("dimakan"), r => Assert.True(r.Length >= 4, r));
        Assert.Equal("pemerintah", IndonesianAffixes.Roots("pemerintah")[0]);
    }

    [Theory]
    [InlineData("tulis", "menulis", "penulis", "ditulis", "tertulis")]
    [InlineData("pukul", "memukul", "pemukul", "dipukul", "terpukul")]
    [InlineData("sapu", "menyapu", "penyapu", "disapu", "tersapu")]
    [InlineData("kirim", "mengirim", "pengirim", "dikirim", "terkirim")]
    [InlineData("ambil", "mengambil", "pengambil", "diambil", "terambil")]
    [InlineData("lapor", "melapor", "pelapor", "dilapor", "terlapor")]
    [InlineData("rencana", "merencana", "perencana", "direncana", "berencana")]
    [InlineData("buka", "membuka", "pembuka", "dibuka", "terbuka")]
    public void Forms_ApplyTheNasalSoundChanges(string root, params string[] forms) =>
        Assert.All(forms, f => Assert.Contains(f, IndonesianAffixes.Forms(root)));

    [Fact]
    public void Forms_KeepClustersAfterTheNasal()
    {
        Assert.Contains("memproduksi", IndonesianAffixes.Forms("produksi")); // p before r is kept
        Assert.Contains("mentransfer", IndonesianAffixes.Forms("transfer"));
        Assert.Contains("mensyarat", IndonesianAffixes.Forms("syarat")); // sy- takes men- and stays
        Assert.Contains("mengkhawatir", IndonesianAffixes.Forms("khawatir"));
    }
}
