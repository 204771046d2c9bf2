using System.Text;
using Kabar.Cleaning;
using Kabar.Pipeline;

namespace Kabar.Core.Tests.Pipeline;

public class NewsPipelineTests
{
    private const string Article =
        "Banjir Rendam Ribuan Rumah\n" +
        "\n" +
        "Lembah Hijau (ANTARA) - Banjir merendam 1.250 rumah setelah sungai meluap pada Senin (3/3/2025) dini hari.\n" +
        "Baca juga: Musim Hujan Datang Lebih Awal\n" +
        "Kepala BPBD mengatakan ketinggian air mencapai 1,5 meter. Warga mengungsi ke balai desa.\n" +
        "Hujan diperkirakan turun hingga Kamis, 6 Maret 2025.\n" +
        "(ant/rsd)";

    private static Article Process(string text) => NewsPipeline.Default.Process("test.txt", Encoding.UTF8.GetBytes(text)).Value!;

    [Fact]
    public void Process_ReadsTitleDatelineLanguageAndPublication()
    {
        Article a = Process(Article);
        Assert.Equal("Banjir Rendam Ribuan Rumah", a.Metadata.Title);
        Assert.Equal(("Antara", "Lembah Hijau"), (a.Metadata.Dateline!.Outlet, a.Metadata.Dateline.Place));
        Assert.Equal(Language.Indonesian, a.Language);
        Assert.Equal(("2025-03-03", "latest date in the lead"), (a.Metadata.Published!.Iso, a.Metadata.Published.Basis));
        Assert.Equal(["Antara"], a.Metadata.CreditedSources);
        Assert.Equal(["rsd"], a.Metadata.Initials);
    }

    [Fact]
    public void Process_SentencesExcludeDatelineAndBoilerplate()
    {
        Article a = Process(Article);
        Assert.Equal(
        [
            "Banjir Rendam Ribuan Rumah",
            "Banjir merendam 1.250 rumah setelah sungai meluap pada Senin (3/3/2025) dini hari.",
            "Kepala BPBD mengatakan ketinggian air mencapai 1,5 meter.",
            "Warga mengungsi ke balai desa.",
            "Hujan diperkirakan turun hingga Kamis, 6 Maret 2025.",
        ], a.Sentences.Select(s => s.Of(a.Text)));
        Assert.Equal([RemovalReason.RelatedLink, RemovalReason.Credit], a.Removals.Select(r => r.Reason));
    }

    [Fact]
    public void Process_KeepsTheWholeTextSoEveryRemovalCanBeShown()
    {
        Article a = Process(Article);
        Assert.Equal(Article, a.Text);
        Assert.All(a.Removals, r => Assert.Equal(r.Text, r.Span.Of(a.Text)));
    }

    [Fact]
    public void Process_OnlyBoilerplate_IsRejectedAsNoContent()
    {
        Result<Article> result = NewsPipeline.Default.Process("x", Encoding.UTF8.GetBytes("Baca juga: Apa Saja\nADVERTISEMENT\n"));
        Assert.Equal(RejectionReason.NoContent, result.Rejection!.Reason);
    }

    [Fact]
    public void Process_CaptionCredit_IsRemovedNotASentence()
    {
        Article a = Process("Putin dan Kim naik mobil di Pyongyang dalam gambar yang dirilis 20 Juni 2024. KCNA via REUTERS\nKalimat kedua ada di sini.");
        Assert.DoesNotContain(a.Sentences, s => s.Of(a.Text).Contains("via", StringComparison.Ordinal));
        Assert.Contains(a.Removals, r => r.Text == "KCNA via REUTERS" && r.Rule == "caption-credit");
    }
}
