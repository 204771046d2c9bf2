using System.Text;
using System.Text.Json;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Testing;
using Microsoft.Data.Sqlite;

namespace Kabar.Cli.Tests;

/// <summary><c>kabar ingest</c> of web pages: files, gzipped files and JSONL lines with an "html" field.</summary>
public sealed class IngestWebPagesTests : IDisposable
{
    private readonly TempDir _dir = new();

    private string Db => Path.Combine(_dir.Path, "kabar.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static string Page(string title, string published, params string[] paragraphs) => $$"""
        <html lang="id"><head><title>{{title}} | Warta Sukamaju</title>
        <meta property="og:site_name" content="Warta Sukamaju">
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"{{title}}","datePublished":"{{published}}","author":"Rina Sasmita"}</script>
        </head><body><nav><a href="/">Beranda</a> <a href="/daerah">Daerah</a></nav><article><h1>{{title}}</h1>
        {{string.Concat(paragraphs.Select(p => $"<p>{p}</p>"))}}
        <p><strong>Baca juga:</strong> <a href="/x">Harga Cabai Naik di Pasar Induk</a></p></article>
        <footer><p>© 2025 Warta Sukamaju, seluruh hak cipta dilindungi undang-undang.</p></footer></body></html>
        """;

    private static readonly string[] s_flood =
    [
        "SUKAMAJU - Banjir merendam tujuh desa di Kabupaten Sukamaju setelah Sungai Cikaret meluap pada Senin dini hari.",
        "Ketinggian air di permukiman warga mencapai satu setengah meter menurut badan penanggulangan bencana daerah.",
        "Sebanyak dua ribu warga mengungsi ke balai desa dan masjid di dataran tinggi sejak Senin pagi.",
    ];

    private List<ExportedArticle> Stored()
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(Db);
        return [.. store.Export()];
    }

    private (ArticleFormat Format, byte[] Raw) RawOf(long id)
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(Db);
        StoredArticle stored = store.Article(id)!;
        return (stored.Source.Format, stored.Raw);
    }

    [Fact]
    public void Ingest_HtmlFiles_StoresThePageAndTheExtractedArticleWithItsMetadata()
    {
        string page = Page("Sungai Cikaret Meluap, Tujuh Desa Terendam", "2025-03-03T08:15:00+07:00", s_flood);
        Write("a/banjir.html", page);
        string gz = Path.Combine(_dir.Path, "a", "salinan.html.gz");
        File.WriteAllBytes(gz, Compression.Gzip(Page("Tujuh Desa di Sukamaju Terendam Banjir", "2025-03-03T11:00:00+07:00", [.. s_flood.Take(2), "Warga diminta waspada."])));

        Write("a/salinan.json", """{"outlet": "Kabar Timur", "id": "kt-17"}""");

        (int exit, string output, string error) = CliRunner.Run("ingest", Path.Combine(_dir.Path, "a"), "--db", Db);
        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.StartsWith("ingested 2 articles", output);

        List<ExportedArticle> articles = Stored();
        ExportedArticle first = articles.Single(a => a.Origin.EndsWith("banjir.html", StringComparison.Ordinal));
        Assert.Equal(("Sungai Cikaret Meluap, Tujuh Desa Terendam", "Warta Sukamaju", "2025-03-03T08:15:00+07:00", "Indonesian"),
            (first.Title, first.Outlet, first.Published, first.Language));
        Assert.StartsWith("SUKAMAJU - Banjir merendam", first.Text);
        Assert.DoesNotContain("Baca juga", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Beranda", first.Text, StringComparison.Ordinal);
        Assert.Equal((ArticleFormat.Html, page), (RawOf(first.Id).Format, Encoding.UTF8.GetString(RawOf(first.Id).Raw)));

        // The sidecar's outlet and id win over the page; the copy joins the first page's story.
        ExportedArticle copy = articles.Single(a => a.Origin.EndsWith("salinan.html.gz", StringComparison.Ordinal));
        Assert.Equal(("Kabar Timur", "kt-17", first.Story), (copy.Outlet, copy.ExternalId, copy.Story));

        Assert.Contains("0 new", CliRunner.Run("ingest", Path.Combine(_dir.Path, "a"), "--db", Db).Out, StringComparison.Ordinal);

        // Catch-up after a crash reads the pages back as pages, to extract them again.
        using SqliteArticleStore store = SqliteArticleStore.Open(Db);
        Assert.All(store.ArticlesAfter(0), a => Assert.Equal(Kabar.Storage.ArticleFormat.Html, a.Source.Format));
    }

    [Fact]
    public void Ingest_JsonlWithHtml_AndAPageWithoutArticle_IsRejectedWithItsPageKept()
    {
        string jsonl = string.Join('\n',
            JsonSerializer.Serialize(new { id = "p1", url = "https://warta.example/2025/03/03/banjir", html = Page("Banjir di Sukamaju", "2025-03-03", s_flood) }),
            JsonSerializer.Serialize(new { id = "p2", html = "<html><body><nav><a href='/'>Beranda</a></nav></body></html>" }),
            """{"id": "p3", "title": "tanpa isi"}""");
        string path = Write("pages.jsonl", jsonl);
        (int exit, string output, string error) = CliRunner.Run("ingest", path, "--db", Db);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("1 new", output, StringComparison.Ordinal);
        Assert.Contains("1 (nocontent 1) rejected", output, StringComparison.Ordinal);
        Assert.Equal([$"kabar: {path}:2: no article text found in the page", $"kabar: {path}:3: no \"text\" or \"html\" string"], error.TrimEnd('\n').Split('\n'));

        ExportedArticle stored = Stored().Single();
        Assert.Equal(("https://warta.example/2025/03/03/banjir", "Banjir di Sukamaju", "2025-03-03"), (stored.Url, stored.Title, stored.Published));
        using SqliteArticleStore store = SqliteArticleStore.Open(Db);
        Assert.Contains("<nav>", Encoding.UTF8.GetString(store.QuarantinedRaw($"{path}:2")!), StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_APagePipedIn_IsReadAsAPage()
    {
        (int exit, string output, _) = CliRunner.RunWithInput("\n" + Page("Banjir di Sukamaju", "2025-03-03", s_flood), "ingest", "-", "--db", Db);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("1 new", output, StringComparison.Ordinal);
        ExportedArticle stored = Stored().Single();
        Assert.Equal(("Banjir di Sukamaju", "2025-03-03"), (stored.Title, stored.Published));
        Assert.DoesNotContain("<p>", stored.Text, StringComparison.Ordinal);
    }

    private string Write(string name, string text) => _dir.File(name, text);
}
