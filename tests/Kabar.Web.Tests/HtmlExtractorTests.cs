using System.Text;
using Kabar.Testing;
using Kabar.Web.Html;

namespace Kabar.Web.Tests;

public class HtmlExtractorTests
{
    private static ExtractedPage Extract(string html, string? url = null)
    {
        Result<ExtractedPage> result = HtmlExtractor.Extract(Encoding.UTF8.GetBytes(html), url);
        Assert.True(result.IsSuccess, result.Rejection?.Message);
        return result.Value;
    }

    [Fact]
    public void Extract_IndonesianPage_KeepsTheStoryParagraphsInOrderAndNothingElse()
    {
        string[] lines = Extract(Pages.Indonesian).Text.Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("SUKAMAJU - Banjir merendam tujuh desa", lines[0]);
        Assert.StartsWith("Ketinggian air", lines[1]);
        Assert.StartsWith("Tanggul di Desa Karangsari", lines[2]);
        Assert.StartsWith("Pemerintah kabupaten", lines[3]);
    }

    [Theory]
    [InlineData("Baca juga")]
    [InlineData("Hujan Deras Diprediksi")]
    [InlineData("Advertisement")]
    [InlineData("Facebook")]
    [InlineData("Berita Terkait")]
    [InlineData("Harga Cabai")]
    [InlineData("Semoga warga")]
    [InlineData("Terpopuler")]
    [InlineData("Hak cipta")]
    [InlineData("Nasional")]
    [InlineData("Oleh Rina")]
    [InlineData("Sungai Cikaret Meluap, Tujuh")]
    public void Extract_IndonesianPage_DropsFurniture(string furniture) =>
        Assert.DoesNotContain(furniture, Extract(Pages.Indonesian).Text, StringComparison.Ordinal);

    [Fact]
    public void Extract_IndonesianPage_ReadsMetadataFromJsonLd()
    {
        PageMetadata m = Extract(Pages.Indonesian).Metadata;
        Assert.Equal("Sungai Cikaret Meluap, Tujuh Desa Terendam", m.Title);
        Assert.Equal(("2025-03-03T08:15:00+07:00", "json-ld"), (m.Published, m.PublishedFrom));
        Assert.Equal("2025-03-03T10:40:00+07:00", m.Modified);
        Assert.Equal(["Rina Sasmita", "Bagus Pratama"], m.Authors);
        Assert.Equal("Warta Sukamaju", m.Site);
        Assert.Equal("https://warta-sukamaju.example/berita/2025/03/03/sungai-cikaret-meluap", m.CanonicalUrl);
        Assert.Equal("id", m.Language);
    }

    [Fact]
    public void Extract_ArticleInWrappersInsideAForm_FindsEveryParagraph()
    {
        ExtractedPage page = Extract(Pages.Nested, "https://www.dailyharbour.example/port-reopens");
        Assert.Equal(6, page.Text.Split('\n').Length);
        Assert.StartsWith("Dock workers", page.Text);
        Assert.EndsWith("labour agreements next year.", page.Text);
        Assert.DoesNotContain("newsletter", page.Text, StringComparison.Ordinal);
        Assert.Equal(("Port reopens", "2025-03-04T06:00:00+00:00", "meta"), (page.Metadata.Title, page.Metadata.Published, page.Metadata.PublishedFrom));
    }

    [Fact]
    public void Extract_DateFromTimeElement_ThenTheLead_ThenTheUrlOnlyAsALastResort()
    {
        const string Body = "<p>Dock workers in Meridia ended a nine-day strike on Tuesday after a wage deal was reached with the operator.</p>";
        PageMetadata timed = Extract($"<html><body><article><time datetime=\"2025-03-04\">4 Maret</time>{Body}</article></body></html>",
            "https://example.id/2024/01/02/mogok").Metadata;
        Assert.Equal(("2025-03-04", "time"), (timed.Published, timed.PublishedFrom));

        PageMetadata fromUrl = Extract($"<html><body>{Body}</body></html>", "https://www.example.id/2024/01/02/mogok").Metadata;
        Assert.Equal(("2024-01-02", "url"), (fromUrl.Published, fromUrl.PublishedFrom));
        Assert.Equal("example.id", fromUrl.Site);

        PageMetadata fromDateline = Extract("<html><body><p>JAKARTA, Rabu (19/6/2024) 14:05 WIB - Dock workers in Meridia ended a nine-day strike after a wage deal.</p></body></html>",
            "https://www.example.id/2024/01/02/mogok").Metadata;
        Assert.Equal(("2024-06-19T14:05+07:00", "text"), (fromDateline.Published, fromDateline.PublishedFrom));

        PageMetadata none = Extract($"<html><body>{Body}</body></html>").Metadata;
        Assert.Equal((null, null), (none.Published, none.PublishedFrom));
    }

    [Fact]
    public void Extract_MultiPageArticle_DropsThePager_AndSaysWhereItContinues()
    {
        ExtractedPage page = Extract("""
            <html><body><article>
            <p>Banjir merendam tujuh desa di Kabupaten Sukamaju setelah Sungai Cikaret meluap pada Senin dini hari.</p>
            <p>Sebanyak dua ribu warga mengungsi ke balai desa dan masjid di dataran tinggi sejak Senin pagi.</p>
            <div class="paging">Halaman <a href="?page=1">1</a> <a href="?page=2">2</a> <a href="?page=3">3</a> <a href="?page=2">Selanjutnya</a></div>
            <p>Halaman 1 dari 3</p>
            </article></body></html>
            """, "https://warta.example/berita/banjir");
        Assert.Equal(2, page.Text.Split('\n').Length);
        Assert.Equal("https://warta.example/berita/banjir?page=2", page.Metadata.NextPage);
        Assert.Null(Extract(Pages.Nested).Metadata.NextPage);
    }

    [Fact]
    public void Extract_BrokenJsonLd_FallsBackToMetaTags()
    {
        PageMetadata m = Extract("""
            <html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            <meta name="author" content="By Dewi Lestari"><meta property="og:title" content="Judul dari Open Graph"></head>
            <body><p>Dock workers in Meridia ended a nine-day strike on Tuesday after a wage deal was reached.</p></body></html>
            """).Metadata;
        Assert.Equal("Judul dari Open Graph", m.Title);
        Assert.Equal(["Dewi Lestari"], m.Authors);
    }

    [Fact]
    public void Extract_DeclaredWindows1252_IsDecodedByItsCharset()
    {
        byte[] page = [.. Encoding.ASCII.GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>Caf"), 0xE9,
            .. Encoding.ASCII.GetBytes(" owners in Meridia reopened on Tuesday after the strike by dock workers ended.</p></body></html>")];
        Result<ExtractedPage> result = HtmlExtractor.Extract(page);
        Assert.Equal(("windows-1252", true), (result.Value!.Encoding, result.Value.Text.StartsWith("Café owners", StringComparison.Ordinal)));
    }

    [Fact]
    public void Extract_UndeclaredInvalidUtf8_FallsBackToWindows1252_AndAHeaderCharsetWins()
    {
        byte[] page = [.. Encoding.ASCII.GetBytes("<p>Na"), 0xEF, .. Encoding.ASCII.GetBytes("ve dock workers in Meridia ended a nine-day strike on Tuesday.</p>")];
        Assert.Equal("windows-1252", HtmlExtractor.Extract(page).Value!.Encoding);

        byte[] utf8 = Encoding.UTF8.GetBytes("<meta charset=\"iso-8859-1\"><p>Warga Sukamaju mengungsi ke balai desa setelah banjir besar – kata petugas.</p>");
        ExtractedPage fromHeader = HtmlExtractor.Extract(utf8, charset: HtmlDecoding.CharsetOf("text/html; charset=UTF-8")).Value!;
        Assert.Contains("banjir besar – kata", fromHeader.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PageWithoutArticle_IsRejectedNamingThePage()
    {
        Result<ExtractedPage> result = HtmlExtractor.Extract(Encoding.UTF8.GetBytes("<html><body><nav><a href='/'>Beranda</a></nav><script>x()</script></body></html>"));
        Assert.Equal((RejectionReason.NoContent, "no article text found in the page"), (result.Rejection!.Reason, result.Rejection.Message));
    }

    [Fact]
    public void Gzip_ExpandsAPage_AndStopsABombAtTheLimit()
    {
        byte[] page = Compression.Gzip(Encoding.UTF8.GetBytes(Pages.Nested));
        Assert.True(Gzip.IsGzip(page));
        Assert.Equal(Pages.Nested, Encoding.UTF8.GetString(Gzip.Expand(page, "p.html.gz").Value!));

        byte[] bomb = Compression.Gzip(new byte[3_000_000]);
        Result<byte[]> stopped = Gzip.Expand(bomb, "bomb.gz", limit: 1_000_000);
        Assert.Equal((RejectionReason.TooLarge, "bomb.gz: expands past the 1,000,000-byte limit; not read"), (stopped.Rejection!.Reason, stopped.Rejection.Message));

        byte[] corrupt = [.. page];
        Array.Fill(corrupt, (byte)0xFF, 10, 40);
        Result<byte[]> broken = Gzip.Expand(corrupt, "broken.gz");
        Assert.Equal(RejectionReason.Undecodable, broken.Rejection!.Reason);
        Assert.StartsWith("broken.gz: corrupt gzip data", broken.Rejection.Message);
    }

}
