using Kabar.Metadata;

namespace Kabar.Core.Tests.Metadata;

public class CreditExtractorTests
{
    private static List<(string Source, CreditKind Kind)> Credits(string text) =>
        [.. CreditExtractor.Extract(text).Credits.Select(c => (c.Source, c.Kind))];

    [Fact]
    public void Extract_ClosingCodes_MapAgenciesAndKeepInitials()
    {
        const string text = "Kalimat terakhir.\n(oln/sptnk/rtrs/almydn/*)";
        (List<Credit> credits, List<string> initials) = CreditExtractor.Extract(text);
        Assert.Equal(["Sputnik", "Reuters", "Al Mayadeen"], credits.Select(c => c.Source));
        Assert.All(credits, c => Assert.Equal(CreditKind.ClosingCode, c.Kind));
        Assert.Equal("rtrs", credits[1].Span.Of(text));
        Assert.Equal(["oln"], initials);
    }

    [Fact]
    public void Extract_CreditLine_NamesEachAgency() =>
        Assert.Equal([("Antara", CreditKind.CreditLine), ("Channel News Asia", CreditKind.CreditLine)], Credits("Isi berita.\nANTARA | CHANNEL NEWS ASIA\n"));

    [Fact]
    public void Extract_Via_NamesBoth() =>
        Assert.Equal([("KCNA", CreditKind.Via), ("Reuters", CreditKind.Via)], Credits("gambar 20 Juni 2024. KCNA via REUTERS"));

    [Theory]
    [InlineData("Diberitakan Reuters, Jumat (21 Juni 2024), kedua pengemudi", "Reuters")]
    [InlineData("pertama dalam seperempat abad,\" lapor Reuters.", "Reuters")]
    [InlineData("\"Kami siap,\" kata juru bicara itu kepada Reuters melalui telepon.", "Reuters")]
    [InlineData("Menurut KCNA, perjanjian baru itu", "KCNA")]
    [InlineData("seperti dilansir dari AFP, Senin", "AFP")]
    [InlineData("according to the Associated Press", "AP")]
    public void Extract_Attribution(string text, string source) =>
        Assert.Equal((source, CreditKind.Attribution), Assert.Single(Credits(text)));

    [Theory]
    [InlineData("Apa kata warga tentang banjir itu?")]
    [InlineData("Ia pergi ke kantor pada pagi hari.")]
    [InlineData("Dia berkata kepada istrinya bahwa dia lelah.")]
    public void Extract_NoCredit(string text) => Assert.Empty(Credits(text));
}
