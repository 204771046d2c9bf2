using System.Text.RegularExpressions;
using Kabar.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Kabar.Cli.Tests;

/// <summary><c>kabar watch</c> against a local server serving feeds and pages written for these tests, faults included.</summary>
public sealed class WatchCommandTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly LocalServer _server = new();

    public WatchCommandTests() => _server.Set("/robots.txt", new Reply(200, "User-agent: *\nDisallow: /private/\n", "text/plain"));

    private string Db => Path.Combine(_dir.Path, "kabar.db");

    public void Dispose()
    {
        _server.Dispose();
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static string Page(string title, params string[] paragraphs) =>
        $"<html><head><title>{title}</title></head><body><nav><a href='/'>Beranda</a></nav><article><h1>{title}</h1>" +
        string.Concat(paragraphs.Select(p => $"<p>{p}</p>")) + "</article></body></html>";

    private static readonly string[] s_flood =
    [
        "Banjir merendam tujuh desa di Kabupaten Sukamaju setelah Sungai Cikaret meluap pada Senin dini hari.",
        "Sebanyak dua ribu warga mengungsi ke balai desa dan masjid di dataran tinggi sejak Senin pagi.",
    ];

    private static readonly string[] s_strike =
    [
        "Ratusan pekerja pelabuhan Meridia mengakhiri pemogokan setelah perusahaan menyetujui kenaikan upah.",
        "Kapal kontainer yang tertahan di dermaga mulai dilayani kembali pada Selasa pagi.",
    ];

    private string Rss(params (string Guid, string Path, string Date)[] items) =>
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Warta</title>" +
        string.Concat(items.Select(i => $"<item><title>{i.Path}</title><link>{_server.Root}{i.Path}</link><guid>{i.Guid}</guid><pubDate>{i.Date}</pubDate></item>")) +
        "</channel></rss>";

    // A generous timeout: the local server answers at once, but a CI machine busy with other test classes has been
    // seen to take over a second to schedule it (a 503 robots.txt then read as "no answer").
    private (int Exit, string Out, string Err) Watch(params string[] feeds) =>
        CliRunner.Run(["watch", .. feeds.Select(f => _server.Root + f), "--once", "--db", Db, "--timeout", "10s", "--host-interval", "0s"]);

    [Fact]
    public void Watch_StoresNewItemsOnce_WithTheFeedsDates_AndAsksConditionally()
    {
        _server.Set("/banjir", new Reply(200, Page("Banjir di Sukamaju", s_flood)));
        _server.Set("/mogok", new Reply(200, Page("Mogok Berakhir", s_strike)));
        _server.Routes["/rss"] = request => request.Headers["If-None-Match"] == "\"v1\""
            ? new Reply(304, "")
            : new Reply(200, Rss(("g2", "/mogok", "Selasa, 04 Mar 2025 09:00 WIB"), ("g1", "/banjir", "Mon, 03 Mar 2025 01:15:00 +0000")), "application/rss+xml")
            { Headers = { ["ETag"] = "\"v1\"" } };

        (int exit, string output, string error) = Watch("/rss");
        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.Equal($"{_server.Root}/rss: 2 items, 2 new: 2 stored, 0 copies or already stored, 0 failed\n", output);

        using (SqliteArticleStore store = SqliteArticleStore.Open(Db))
        {
            List<ExportedArticle> stored = [.. store.Export()];
            Assert.Equal([$"{_server.Root}/banjir", $"{_server.Root}/mogok"], stored.Select(a => a.Url));  // oldest first
            Assert.Equal(["2025-03-03T01:15:00+00:00", "2025-03-04T09:00:00+07:00"], stored.Select(a => a.Published));
        }

        // The second pass asks with the ETag, gets 304 and fetches no page.
        Assert.Equal($"{_server.Root}/rss: not modified\n", Watch("/rss").Out);
        Assert.Equal(1, _server.Hits("/banjir"));
        Assert.Equal("\"v1\"", _server.Requests.Last(r => r.Path == "/rss").IfNoneMatch);
        Assert.All(_server.Requests, r => Assert.StartsWith("Kabar/", r.UserAgent));
    }

    [Fact]
    public void Watch_Faults_AreOneLineEach_AndTheRestGoesOn()
    {
        _server.Set("/banjir", new Reply(200, Page("Banjir di Sukamaju", s_flood)));
        _server.Set("/gone", new Reply(404, "<p>hilang</p>"));
        _server.Set("/private/rahasia", new Reply(200, Page("Rahasia", s_strike)));
        _server.Set("/loop-a", new Reply(302, "") { Headers = { ["Location"] = "/loop-b" } });
        _server.Set("/loop-b", new Reply(302, "") { Headers = { ["Location"] = "/loop-a" } });
        _server.Set("/rusak", new Reply(200, "") { Bytes = [0x00, 0xFF, 0x13, 0x37] });
        _server.Set("/rss", new Reply(200, Rss(("g1", "/banjir", ""), ("g3", "/gone", ""), ("g4", "/private/rahasia", ""),
            ("g5", "/loop-a", ""), ("g6", "/rusak", "")), "application/rss+xml"));
        _server.Set("/broken.xml", new Reply(200, "<rss><channel><item><title>tak selesai", "application/rss+xml"));
        _server.Set("/error", new Reply(500, "oops"));

        (int exit, string output, string error) = Watch("/rss", "/broken.xml", "/error", "/missing");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal($"{_server.Root}/rss: 5 items, 5 new: 1 stored, 0 copies or already stored, 4 failed\n", output);
        string root = _server.Root;
        string[] lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(7, lines.Length);
        Assert.Equal($"kabar: {root}/rusak: binary: NUL byte at offset 0; not a text file", lines[0]);
        Assert.Equal($"kabar: {root}/loop-a: redirect loop at {root}/loop-a", lines[1]);
        Assert.Equal($"kabar: {root}/private/rahasia: disallowed by {root}/robots.txt", lines[2]);
        Assert.Equal($"kabar: {root}/gone: HTTP 404 Not Found", lines[3]);
        Assert.StartsWith($"kabar: feed {root}/broken.xml: malformed feed XML at line 1", lines[4]);  // then the parser's words
        Assert.Equal($"kabar: feed {root}/error: HTTP 500 Internal Server Error", lines[5]);
        Assert.Equal($"kabar: feed {root}/missing: HTTP 404 Not Found", lines[6]);
        Assert.Equal(3, _server.Hits("/error"));  // a 500 may pass, so it is asked again
        Assert.Equal(1, _server.Hits("/missing"));
    }

    [Fact]
    public void Watch_APageThatDoesNotAnswer_IsRetriedAtTheNextPass_AndOnlyIt()
    {
        // The page answers after two minutes, long past all three attempts. Every other request of the pass must answer
        // within the same timeout, so it is the generous one of the other tests: with 3 s a retried 500 once ran out of
        // time on a loaded CI machine, and with 5 s this test failed twice in full local runs on a cold build.
        _server.Set("/banjir", new Reply(200, Page("Banjir di Sukamaju", s_flood)));
        _server.Set("/lambat", new Reply(200, Page("Lambat", s_strike), Delay: TimeSpan.FromMinutes(2)));
        _server.Set("/gone", new Reply(404, "<p>hilang</p>"));
        _server.Set("/rss", new Reply(200, Rss(("g1", "/banjir", ""), ("g2", "/lambat", ""), ("g3", "/gone", "")), "application/rss+xml"));

        (int exit, string output, string error) = Watch("/rss");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal($"{_server.Root}/rss: 3 items, 3 new: 1 stored, 0 copies or already stored, 2 failed\n", output);
        string root = _server.Root;
        Assert.Equal(
            [$"kabar: {root}/gone: HTTP 404 Not Found", $"kabar: {root}/lambat: no answer within 10 s (tried 3 times); will try again"],
            error.TrimEnd('\n').Split('\n'));
        // The server counts a request on the thread pool, which a loaded CI machine once ran too late for this count
        // (2, where Kabar had reported its third try): wait for the count to come in, then check it exactly.
        SpinWait.SpinUntil(() => _server.Hits("/lambat") >= 3, TimeSpan.FromSeconds(30));
        Assert.Equal(3, _server.Hits("/lambat"));

        // The next pass fetches only the page that failed for a reason that may pass.
        _server.Set("/lambat", new Reply(200, Page("Lambat", s_strike)));
        Assert.Equal($"{root}/rss: 3 items, 1 new: 1 stored, 0 copies or already stored, 0 failed\n", Watch("/rss").Out);
        Assert.Equal(1, _server.Hits("/gone"));
    }

    [Fact]
    public void Watch_RobotsTxtThatCannotBeRead_FetchesNothingFromTheHost()
    {
        _server.Set("/robots.txt", new Reply(503, "busy", "text/plain"));
        _server.Set("/rss", new Reply(200, Rss(("g1", "/banjir", "")), "application/rss+xml"));
        (int exit, _, string error) = Watch("/rss");
        Assert.Equal(ExitCodes.BadInput, exit);
        // The reason is the 503 of the last attempt, or, on a loaded CI machine (twice so far, the cause not seen), how
        // the last retry after a 503 failed on its way: either way the host is left alone.
        string root = Regex.Escape(_server.Root);
        Assert.Matches($@"^kabar: feed {root}/rss: robots\.txt cannot be read \((HTTP 503|{root}/robots\.txt: .+ \(tried \d+ times\))\), so nothing is fetched from this host for now\n$", error);
        Assert.True(_server.Hits("/robots.txt") >= 1);
        Assert.Equal(0, _server.Hits("/rss"));
    }
}
