using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Kabar.Testing;

namespace Kabar.Server.Tests;

public sealed class ApiTests(SampleServer fixture) : IClassFixture<SampleServer>
{
    // The samples are stored in path order: 1-3 the flood (wire, near copy, rewrite), 4 the English port wire,
    // 5-6 the Indonesian port story (translation, machine-style rewrite).
    private const long FloodWire = 1, FloodCopy = 2, FloodRewrite = 3;

    private HttpClient Client => fixture.Server.Client;

    private async Task<JsonElement> Get(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using HttpResponseMessage response = await Client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task Stats_CountTheSamples()
    {
        JsonElement stats = await Get("api/stats");
        Assert.Equal(6, stats.GetProperty("articles").GetInt64());
        Assert.Equal(1, stats.GetProperty("near_duplicates").GetInt64());
    }

    [Fact]
    public async Task Stories_NewestFirst_PagedAndFiltered()
    {
        JsonElement all = await Get("api/stories");
        string[] titles = [.. all.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("title").GetString()!)];
        Assert.Equal(3, titles.Length);
        Assert.StartsWith("Pelabuhan Meridia", titles[0], StringComparison.Ordinal); // 2025-03-04, the newest
        Assert.StartsWith("Banjir Rendam", titles[1], StringComparison.Ordinal);

        JsonElement second = await Get("api/stories?limit=1&offset=1");
        Assert.Equal(titles[1], second.GetProperty("items")[0].GetProperty("title").GetString());

        JsonElement byOutlet = await Get("api/stories?outlet=kabarkota.com");
        Assert.Equal(FloodWire, Assert.Single(byOutlet.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());

        JsonElement later = await Get("api/stories?since=2025-03-04");
        Assert.All(later.GetProperty("items").EnumerateArray(), s => Assert.NotEqual("2025-03-03", s.GetProperty("last_day").GetString()));
    }

    [Theory]
    [InlineData("api/stories?limit=0", "bad_limit")]
    [InlineData("api/stories?limit=100000", "bad_limit")]
    [InlineData("api/stories?offset=-1", "bad_offset")]
    [InlineData("api/stories?since=yesterday", "bad_day")]
    [InlineData("api/stories?min_size=0", "bad_min_size")]
    [InlineData("api/stories?limit=many", "bad_request")]
    [InlineData("api/search?q=%20%2C%20", "empty_query")]
    [InlineData("api/search?q=a+b+c+d+e+f+g+h+i+j+k+l+m+n+o+p+q", "query_too_long")]
    [InlineData("api/search?q=banjir&offset=6000", "bad_offset")]
    [InlineData("api/compare?a=1", "missing_article")]
    [InlineData("api/compare?a=2&b=2", "same_article")]
    public async Task BadQueries_AreFourHundredWithAReasonCode(string path, string code)
    {
        using HttpResponseMessage response = await Client.GetAsync(path);
        await AssertProblem(response, HttpStatusCode.BadRequest, code);
    }

    [Theory]
    [InlineData("api/articles/999")]
    [InlineData("api/stories/999")]
    [InlineData("api/compare?a=1&b=999")]
    [InlineData("api/no/such/endpoint")]
    public async Task Missing_IsNotFoundProblem(string path)
    {
        using HttpResponseMessage response = await Client.GetAsync(path);
        await AssertProblem(response, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Story_GivesEachMemberItsRole()
    {
        JsonElement story = await Get($"api/stories/{FloodWire}");
        Dictionary<long, string> roles = story.GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("id").GetInt64(), m => m.GetProperty("role").GetString()!);
        Assert.Equal("first_published", roles[FloodWire]);
        Assert.Equal("near_copy", roles[FloodCopy]);
        Assert.Equal("rewrite", roles[FloodRewrite]);
        Assert.Equal(3, story.GetProperty("story").GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task Articles_PageByAfter_WithoutText()
    {
        JsonElement first = await Get("api/articles?limit=4");
        Assert.Equal([1L, 2, 3, 4], first.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.False(first.GetProperty("items")[0].TryGetProperty("text", out _));
        long next = first.GetProperty("next_after").GetInt64();
        JsonElement rest = await Get($"api/articles?after={next}&limit=4");
        Assert.Equal([5L, 6], rest.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("next_after").ValueKind);
    }

    [Fact]
    public async Task Article_HasTextAndLinks_RawIsTheExactBytesAsADownload()
    {
        JsonElement article = await Get($"api/articles/{FloodCopy}");
        Assert.Equal(FloodWire, article.GetProperty("near_of").GetInt64());
        Assert.Contains("Lembah Hijau", article.GetProperty("text").GetString(), StringComparison.Ordinal);

        using HttpResponseMessage raw = await Client.GetAsync($"api/articles/{FloodCopy}/raw");
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        Assert.Equal("application/octet-stream", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", raw.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(await File.ReadAllBytesAsync(RepoPaths.Sample("banjir-02-copy.txt")), await raw.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Duplicates_ListTheNearCopyCluster()
    {
        JsonElement clusters = await Get("api/duplicates");
        JsonElement cluster = Assert.Single(clusters.EnumerateArray());
        Assert.Equal(FloodWire, cluster.GetProperty("cluster").GetInt64());
        Assert.Contains(cluster.GetProperty("members").EnumerateArray(), m => m.GetProperty("relation").GetString()!.StartsWith("near copy", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CompareStored_AlignsAndFindsTheNumberThatDiffers()
    {
        JsonElement report = await Get($"api/compare?a={FloodWire}&b={FloodRewrite}");
        Assert.True(report.GetProperty("summary").GetProperty("aligned").GetInt32() >= 5);
        Assert.Contains(report.GetProperty("discrepancies").EnumerateArray(),
            d => d.GetProperty("a").GetProperty("text").GetString() == "1.250" && d.GetProperty("b").GetProperty("text").GetString() == "1.300");
    }

    [Fact]
    public async Task ComparePosted_TwoTexts()
    {
        string a = await File.ReadAllTextAsync(RepoPaths.Sample("pelabuhan-02-terjemahan.txt"));
        string b = await File.ReadAllTextAsync(RepoPaths.Sample("pelabuhan-03-mesin.txt"));
        using HttpResponseMessage response = await Client.PostAsJsonAsync("api/compare", new { a, b, a_name = "terjemahan", b_name = "mesin" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonElement report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("terjemahan", report.GetProperty("articles")[0].GetProperty("path").GetString());
        Assert.Contains(report.GetProperty("variants").EnumerateArray(), v => v.GetProperty("forms").EnumerateArray().Any(f => f.GetProperty("text").GetString()!.EndsWith("Verhuk", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ComparePosted_BadBodies_AreClearFourHundreds()
    {
        using HttpResponseMessage malformed = await Client.PostAsync("api/compare", new StringContent("{\"a\": \"x\",", Encoding.UTF8, "application/json"));
        await AssertProblem(malformed, HttpStatusCode.BadRequest, "bad_request");

        using HttpResponseMessage missing = await Client.PostAsJsonAsync("api/compare", new { a = "Satu kalimat saja di sini." });
        await AssertProblem(missing, HttpStatusCode.BadRequest, "missing_text");

        using HttpResponseMessage empty = await Client.PostAsJsonAsync("api/compare", new { a = "   ", b = "Hujan turun di kota itu sepanjang hari Senin." });
        await AssertProblem(empty, HttpStatusCode.UnprocessableEntity, "empty");

        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "api/compare")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { a = new string('a', (int)KabarServer.MaxCompareBytes), b = "x" }), Encoding.UTF8, "application/json"),
        };
        tooLarge.Headers.ExpectContinue = true;
        using HttpResponseMessage huge = await Client.SendAsync(tooLarge);
        await AssertProblem(huge, HttpStatusCode.RequestEntityTooLarge, "body_too_large");
    }

    [Fact]
    public async Task Search_RanksAndGroupsByStory_WithHighlightOffsets()
    {
        JsonElement results = await Get("api/search?q=banjir");
        Assert.Equal(3, results.GetProperty("total").GetInt64());
        JsonElement story = Assert.Single(results.GetProperty("stories").EnumerateArray());
        Assert.Equal(FloodWire, story.GetProperty("story").GetInt64());
        foreach (JsonElement hit in story.GetProperty("articles").EnumerateArray())
        {
            string snippet = hit.GetProperty("snippet").GetString()!;
            Assert.All(hit.GetProperty("highlights").EnumerateArray(), h =>
                Assert.Equal("banjir", snippet[h[0].GetInt32()..h[1].GetInt32()], ignoreCase: true));
        }
    }

    [Fact]
    public async Task OpenApi_DescribesTheEndpoints()
    {
        JsonElement document = await Get("api/openapi.json");
        JsonElement paths = document.GetProperty("paths");
        foreach (string path in new[] { "/api/stories", "/api/stories/{id}", "/api/articles/{id}", "/api/compare", "/api/search", "/api/ingest", "/api/stats", "/api/duplicates" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        Assert.False(paths.TryGetProperty("/", out _)); // the pages are not API
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders()
    {
        using HttpResponseMessage response = await Client.GetAsync("/");
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }
}
