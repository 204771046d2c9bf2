using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Kabar.Server.Tests;

public sealed class IngestApiTests
{
    private const string Flood = """
        Banjir Rendam Dua Desa di Tepi Sungai Mawar

        Kota Lama - Banjir merendam dua desa di tepi Sungai Mawar pada Senin pagi setelah hujan deras turun semalaman.
        Sebanyak 300 warga mengungsi ke gedung sekolah yang berada di dataran tinggi.
        Kepala desa mengatakan air mulai surut pada sore hari.
        """;

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private static async Task<JsonElement> Ingest(HttpClient client, HttpContent content, string query = "", string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/ingest" + query) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using HttpResponseMessage response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<string> ProblemCode(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;

    [Fact]
    public async Task Text_IsStoredOnce_WithItsMetadata()
    {
        await using RunningServer server = await RunningServer.StartAsync(samples: false);
        JsonElement first = await Ingest(server.Client, Text(Flood), "?outlet=Warta%20Mawar&published=2025-05-05");
        JsonElement result = Assert.Single(first.GetProperty("results").EnumerateArray());
        Assert.Equal("added", result.GetProperty("outcome").GetString());
        long id = result.GetProperty("id").GetInt64();

        JsonElement again = await Ingest(server.Client, Text(Flood), "?outlet=Warta%20Mawar&published=2025-05-05");
        Assert.Equal("already_stored", again.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Equal(1, again.GetProperty("counts").GetProperty("already_stored").GetInt32());

        JsonElement article = await server.Client.GetFromJsonAsync<JsonElement>($"api/articles/{id}");
        Assert.Equal("Warta Mawar", article.GetProperty("outlet").GetString());
        Assert.Equal("2025-05-05", article.GetProperty("published").GetString());
        Assert.Equal(1, (await server.Client.GetFromJsonAsync<JsonElement>("api/stats")).GetProperty("articles").GetInt64());
    }

    [Fact]
    public async Task Stopping_SavesTheCorpusStatistics_ThroughTheLastArticle()
    {
        await using RunningServer server = await RunningServer.StartAsync(samples: false);
        JsonElement response = await Ingest(server.Client, Text(Flood));
        long id = response.GetProperty("results")[0].GetProperty("id").GetInt64();
        await server.StopAsync();

        using Kabar.Storage.Sqlite.SqliteArticleStore store = Kabar.Storage.Sqlite.SqliteArticleStore.Open(server.Database);
        (byte[]? data, long through) = store.LoadStatistics();
        Assert.NotNull(data);
        Assert.Equal(id, through);
    }

    [Fact]
    public async Task JsonLines_BadLinesAreReportedAndTheRestStored()
    {
        await using RunningServer server = await RunningServer.StartAsync(samples: false);
        string copy = Flood.Replace("300 warga", "300 orang warga", StringComparison.Ordinal);
        string lines = string.Join('\n',
            JsonSerializer.Serialize(new { id = "w-1", text = Flood, outlet = "Warta Mawar" }),
            "{not json",
            JsonSerializer.Serialize(new { id = "w-2", title = "no text here" }),
            JsonSerializer.Serialize(new { id = "w-3", text = copy, outlet = "Kabar Hulu" }));
        JsonElement response = await Ingest(server.Client, new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        string[] outcomes = [.. response.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("outcome").GetString()!)];
        Assert.Equal(["added", "unreadable", "unreadable", "near_duplicate"], outcomes);
        Assert.Contains("api:2", response.GetProperty("results")[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, (await server.Client.GetFromJsonAsync<JsonElement>("api/stats")).GetProperty("articles").GetInt64());
    }

    [Fact]
    public async Task WebPage_IsExtractedAndKeptRaw()
    {
        await using RunningServer server = await RunningServer.StartAsync(samples: false);
        string page = $"""
            <html><head><title>Banjir Sungai Mawar | Warta</title><meta property="og:site_name" content="Warta Mawar"></head>
            <body><nav><a href="/">Beranda</a> <a href="/x">Politik</a></nav><article><h1>Banjir Rendam Dua Desa</h1>
            {string.Join("", Flood.Split('\n').Skip(2).Select(l => $"<p>{l.Trim()}</p>"))}</article><footer>Hak cipta</footer></body></html>
            """;
        JsonElement response = await Ingest(server.Client, new StringContent(page, Encoding.UTF8, "text/html"), "?url=https://warta.example/banjir");
        long id = response.GetProperty("results")[0].GetProperty("id").GetInt64();
        JsonElement article = await server.Client.GetFromJsonAsync<JsonElement>($"api/articles/{id}");
        Assert.Contains("300 warga mengungsi", article.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Beranda", article.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(page, Encoding.UTF8.GetString(await server.Client.GetByteArrayAsync($"api/articles/{id}/raw")));
    }

    [Fact]
    public async Task BadIngestRequests_AreClearFourHundreds()
    {
        await using RunningServer server = await RunningServer.StartAsync(samples: false);
        using HttpResponseMessage type = await server.Client.PostAsync("api/ingest", new ByteArrayContent([1, 2, 3]));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, type.StatusCode);
        Assert.Equal("unsupported_type", await ProblemCode(type));

        using HttpResponseMessage empty = await server.Client.PostAsync("api/ingest", Text(""));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("empty_body", await ProblemCode(empty));

        // A client that announces its size and waits (Expect: 100-continue) hears the refusal before sending the body.
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "api/ingest")
        {
            Content = new ByteArrayContent(new byte[KabarServer.MaxRequestBytes + 1]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } },
        };
        tooLarge.Headers.ExpectContinue = true;
        using HttpResponseMessage huge = await server.Client.SendAsync(tooLarge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("body_too_large", await ProblemCode(huge));

        JsonElement binary = await Ingest(server.Client, new ByteArrayContent([0x50, 0, 0, 0, 0x4b, 0, 1, 2]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });
        JsonElement rejected = binary.GetProperty("results")[0];
        Assert.Equal("rejected", rejected.GetProperty("outcome").GetString());
        Assert.Contains("binary", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAToken_IngestNeedsIt_ReadingDoesNot()
    {
        await using RunningServer server = await RunningServer.StartAsync(samples: false, token: "s3cret");
        using HttpResponseMessage none = await server.Client.PostAsync("api/ingest", Text(Flood));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("unauthorized", await ProblemCode(none));

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "api/ingest") { Content = Text(Flood) };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cre");
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Client.SendAsync(wrong)).StatusCode);

        JsonElement ok = await Ingest(server.Client, Text(Flood), token: "s3cret");
        Assert.Equal("added", ok.GetProperty("results")[0].GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("api/stats")).StatusCode);
    }

    [Fact]
    public async Task BeyondLoopback_WithoutAToken_IngestIsRefused()
    {
        Assert.True(new ServerOptions("x.db").LoopbackOnly);
        Assert.True(new ServerOptions("x.db", "http://localhost:5080;http://[::1]:5081").LoopbackOnly);
        Assert.False(new ServerOptions("x.db", "http://127.0.0.1:5080;http://0.0.0.0:5081").LoopbackOnly);
        Assert.False(new ServerOptions("x.db", "http://*:5080").LoopbackOnly);

        await using RunningServer server = await RunningServer.StartAsync(samples: false, urls: "http://0.0.0.0:0");
        using HttpResponseMessage refused = await server.Client.PostAsync("api/ingest", Text(Flood));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("token_required", await ProblemCode(refused));
        Assert.Equal(0, (await server.Client.GetFromJsonAsync<JsonElement>("api/stats")).GetProperty("articles").GetInt64());
    }

    [Fact]
    public async Task Search_FindsIndonesianWordFamilies_ExactFormsFirst()
    {
        await using RunningServer server = await RunningServer.StartAsync(samples: false);
        string lines = string.Join('\n',
            JsonSerializer.Serialize(new { id = "a", title = "Posko untuk para pengungsi dibuka", text = "Posko untuk para pengungsi dibuka di balai kota. Relawan membagikan makanan kepada para pengungsi sejak pagi." }),
            JsonSerializer.Serialize(new { id = "b", title = "Warga mengungsi ke bukit", text = "Ratusan warga mengungsi ke bukit setelah gempa mengguncang pesisir selatan pada Kamis malam." }),
            JsonSerializer.Serialize(new { id = "c", title = "Harga cabai naik", text = "Harga cabai rawit di pasar induk naik dua kali lipat menjelang akhir pekan karena pasokan berkurang." }));
        await Ingest(server.Client, new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));

        JsonElement results = await server.Client.GetFromJsonAsync<JsonElement>("api/search?q=mengungsi");
        string[] titles = [.. results.GetProperty("stories").EnumerateArray().SelectMany(s => s.GetProperty("articles").EnumerateArray())
            .Select(a => a.GetProperty("title").GetString()!)];
        Assert.Equal(["Warga mengungsi ke bukit", "Posko untuk para pengungsi dibuka"], titles);
        Assert.Equal(2, results.GetProperty("total").GetInt64());

        JsonElement phrase = await server.Client.GetFromJsonAsync<JsonElement>("api/search?q=%22cabai%20rawit%22");
        Assert.Equal(1, phrase.GetProperty("total").GetInt64());
        JsonElement notAPhrase = await server.Client.GetFromJsonAsync<JsonElement>("api/search?q=%22rawit%20cabai%22");
        Assert.Equal(0, notAPhrase.GetProperty("total").GetInt64());
    }
}
