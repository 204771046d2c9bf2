using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Kabar.Server.Tests;

public sealed class PageTests(SampleServer fixture) : IClassFixture<SampleServer>
{
    private HttpClient Client => fixture.Server.Client;

    private async Task<string> Html(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using HttpResponseMessage response = await Client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task StoriesPage_ListsEveryStory_AndFilters()
    {
        string all = await Html("/");
        Assert.Contains("href=\"/stories/1\"", all, StringComparison.Ordinal);
        Assert.Contains("href=\"/stories/5\"", all, StringComparison.Ordinal);
        Assert.Contains("6 articles stored", all, StringComparison.Ordinal);

        string filtered = await Html("/?outlet=Antara");
        Assert.Contains("href=\"/stories/1\"", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/stories/5\"", filtered, StringComparison.Ordinal);

        Assert.Contains("is not a day", await Html("/?since=soon", HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoryPage_ShowsFirstPublished_Roles_Coverage_SharedAndAdded()
    {
        string story = await Html("/stories/1");
        Assert.Contains("First published: <a href=\"/articles/1\">#1 Antara</a>", story, StringComparison.Ordinal);
        Assert.Contains("badge near_copy", story, StringComparison.Ordinal);
        Assert.Contains("badge rewrite", story, StringComparison.Ordinal);
        Assert.Contains("href=\"/compare?a=1&amp;b=3\"", story, StringComparison.Ordinal);
        Assert.Contains("<td>KABARKOTA.com</td>", story, StringComparison.Ordinal);
        // The rewrite adds the village head's account, which the wire does not have.
        Assert.Contains("Kepala Desa Karangsari Wahyuni Lestari", story, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArticlePage_ShowsMetadata_CleanedText_AndRaw()
    {
        string article = await Html("/articles/2");
        Assert.Contains("near copy of", article, StringComparison.Ordinal);
        Assert.Contains("id=\"cleaned\"", article, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/articles/2/raw\"", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchPage_GroupsByStory_AndMarksTheWords()
    {
        string search = await Html("/search?q=banjir");
        Assert.Contains("3 articles match", search, StringComparison.Ordinal);
        Assert.Contains("<mark>Banjir</mark>", search, StringComparison.Ordinal);
        Assert.Equal(1, search.Split("class=\"card story-hit\"").Length - 1);
        Assert.Contains("value=\"banjir\"", search, StringComparison.Ordinal); // the box keeps the query
    }

    [Fact]
    public async Task MissingAndMalformed_AreHtmlErrors()
    {
        Assert.Contains("no story #999", await Html("/stories/999", HttpStatusCode.NotFound), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no page at /nowhere", await Html("/nowhere", HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("two different stored articles", await Html("/compare?a=1", HttpStatusCode.BadRequest), StringComparison.Ordinal);
        await Html("/compare?a=1&b=999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ArticleTextWithMarkup_RendersAsText_OnEveryPage()
    {
        await using RunningServer server = await RunningServer.StartAsync(samples: false);
        const string Attack = "<script>alert('kabar')</script><img src=x onerror=alert(1)>";
        string line = JsonSerializer.Serialize(new
        {
            id = "xss",
            title = "Serangan " + Attack,
            outlet = "Outlet \"><b>bold</b>",
            url = "javascript:alert(2)",
            text = $"Serangan {Attack} terjadi di pelabuhan pada Senin pagi. Polisi menyelidiki peristiwa itu bersama warga setempat yang melihat kejadian tersebut.",
        });
        using HttpResponseMessage ingest = await server.Client.PostAsync("api/ingest", new StringContent(line, Encoding.UTF8, "application/x-ndjson"));
        long id = (await ingest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("id").GetInt64();

        foreach (string path in new[] { "/", $"/stories/{id}", $"/articles/{id}", "/search?q=serangan", "/search?q=%3Cscript%3E+serangan" })
        {
            string html = await server.Client.GetStringAsync(path);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
            Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        }
    }
}
