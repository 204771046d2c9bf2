using System.Text;
using Kabar.Ingest;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Testing;
using Microsoft.Data.Sqlite;

namespace Kabar.Cli.Tests;

/// <summary>WARC files written here record by record, as crawlers write them, with the faults crawls have.</summary>
public sealed class WarcTests : IDisposable
{
    private const string Article = "<html><head><title>Banjir di Sukamaju</title></head><body><article>" +
        "<p>Banjir merendam tujuh desa di Kabupaten Sukamaju setelah Sungai Cikaret meluap pada Senin dini hari.</p>" +
        "<p>Sebanyak dua ribu warga mengungsi ke balai desa dan masjid di dataran tinggi sejak Senin pagi.</p></article></body></html>";

    private readonly TempDir _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static byte[] Record(string type, string uri, byte[] block, string contentType = "application/http; msgtype=response", int id = 0)
    {
        string header = $"WARC/1.1\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:0000-{id:D4}>\r\n" +
            $"WARC-Date: 2025-03-04T01:02:03Z\r\nContent-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(header), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] Http(string status, string headers, byte[] body) =>
        [.. Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\n{headers}\r\n"), .. body];


    private static byte[] Chunked(byte[] body)
    {
        int half = body.Length / 2;
        return [.. Encoding.ASCII.GetBytes($"{half:x}\r\n"), .. body[..half], .. "\r\n"u8,
            .. Encoding.ASCII.GetBytes($"{body.Length - half:x};ext=1\r\n"), .. body[half..], .. "\r\n0\r\n\r\n"u8];
    }

    // A crawl: a request, a page, a gzipped and chunked page in Windows-1252, an image, a redirect, a 404, metadata.
    private static byte[][] Crawl()
    {
        byte[] latin = Encoding.Latin1.GetBytes(Article.Replace("Senin pagi", "Senin pagi di café desa", StringComparison.Ordinal).Replace("Banjir merendam", "Air merendam", StringComparison.Ordinal));
        return
        [
            Record("warcinfo", "", "software: test\r\n"u8.ToArray(), "application/warc-fields", 1),
            Record("request", "https://warta.example/banjir", "GET /banjir HTTP/1.1\r\nHost: warta.example\r\n\r\n"u8.ToArray(), "application/http; msgtype=request", 2),
            Record("response", "https://warta.example/banjir", Http("200 OK", "Content-Type: text/html; charset=utf-8\r\n", Encoding.UTF8.GetBytes(Article)), id: 3),
            Record("response", "https://kabar.example/air", Http("200 OK",
                "Content-Type: text/html; charset=windows-1252\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n", Chunked(Compression.Gzip(latin))), id: 4),
            Record("response", "https://warta.example/logo.png", Http("200 OK", "Content-Type: image/png\r\n", [0x89, 0x50, 0x4E, 0x47]), id: 5),
            Record("response", "https://warta.example/lama", Http("301 Moved Permanently", "Location: /banjir\r\n", []), id: 6),
            Record("response", "https://warta.example/hilang", Http("404 Not Found", "Content-Type: text/html\r\n", "<p>tidak ada</p>"u8.ToArray()), id: 7),
            Record("metadata", "https://warta.example/banjir", "outlinks: 3\r\n"u8.ToArray(), "application/warc-fields", 8),
        ];
    }

    [Fact]
    public void Read_TakesTheHtmlResponses_DecodedFromTheirTransferAndContentEncodings()
    {
        string path = Path.Combine(_dir.Path, "crawl.warc.gz");
        File.WriteAllBytes(path, [.. Crawl().SelectMany(Compression.Gzip)]);  // one gzip member a record
        List<InputItem> items = [.. WarcReader.Read(path)];
        Assert.All(items, i => Assert.Null(i.Problem));
        Assert.Equal(["https://warta.example/banjir", "https://kabar.example/air"], items.Select(i => i.Source!.Url));
        Assert.Equal([$"{path}#3", $"{path}#4"], items.Select(i => i.Source!.Origin));
        Assert.Equal(["<urn:uuid:0000-0003>", "<urn:uuid:0000-0004>"], items.Select(i => i.Source!.ExternalId));
        Assert.Equal(Article, Encoding.UTF8.GetString(items[0].Raw!));
        Assert.Equal(("windows-1252", ArticleFormat.Html), (items[1].Source!.Charset, items[1].Source!.Format));
        Assert.Contains("café desa", Encoding.Latin1.GetString(items[1].Raw!), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedLastRecord_KeepsThePagesBeforeIt_AndNamesTheRecord()
    {
        string path = Path.Combine(_dir.Path, "cut.warc");
        byte[] whole = [.. Crawl().Take(4).SelectMany(r => r)];
        File.WriteAllBytes(path, whole[..^200]);
        List<InputItem> items = [.. WarcReader.Read(path)];
        Assert.Equal("https://warta.example/banjir", items[0].Source!.Url);
        Assert.Equal(2, items.Count);
        Assert.Matches(@"cut\.warc: record 4 at offset [\d,]+: truncated; the pages before it are kept$", items[1].Problem);
    }

    [Fact]
    public void Read_NotAWarc_OneLine()
    {
        string path = _dir.File("fake.warc", "<html>this is not a crawl</html>\n");
        Assert.Equal($"{path}: record 1 at offset 0: not a WARC record (starts with \"<html>this is not a crawl</html>\")", WarcReader.Read(path).Single().Problem);
    }

    [Fact]
    public void Ingest_WarcGz_StoresItsPagesOnce_WithTheirAddresses()
    {
        string path = Path.Combine(_dir.Path, "crawl.warc.gz");
        File.WriteAllBytes(path, [.. Crawl().SelectMany(Compression.Gzip)]);
        string db = Path.Combine(_dir.Path, "kabar.db");
        (int exit, string output, string error) = CliRunner.Run("ingest", path, "--db", db);
        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.StartsWith("ingested 2 articles", output);
        Assert.Contains("2 already stored", CliRunner.Run("ingest", path, "--db", db).Out, StringComparison.Ordinal);

        using SqliteArticleStore store = SqliteArticleStore.Open(db);
        List<ExportedArticle> stored = [.. store.Export()];
        Assert.Equal(["https://warta.example/banjir", "https://kabar.example/air"], stored.Select(a => a.Url));
        Assert.Contains("café desa", stored[1].Text, StringComparison.Ordinal);
        Assert.Equal(stored[0].Story, stored[1].Story);
    }
}
