using System.Text;
using System.Text.Json;
using Kabar.Cli.Evaluation;
using Kabar.Testing;

namespace Kabar.Cli.Tests;

public class ExtractCommandTests
{
    // Extraction F1 on ../shared/data/article-extraction measured at 0.966 (docs/evaluation.md); the floor sits just under it.
    private const double F1Floor = 0.963;

    private const string Page = """
        <html lang="en"><head><title>Port of Meridia reopens | Harbour Daily</title>
        <meta property="og:site_name" content="Harbour Daily">
        <meta property="article:published_time" content="2025-03-04T06:00:00+07:00"></head>
        <body><nav><a href="/">Home</a> <a href="/ports">Ports</a></nav>
        <article><h1>Port of Meridia reopens</h1>
        <p>Dock workers in Meridia ended a nine-day strike on Tuesday after the port operator agreed to a wage rise.</p>
        <p>Container ships that had waited at anchor began unloading within hours, port officials said on Tuesday.</p>
        </article><footer><p>Copyright Harbour Daily, all rights reserved, reproduction prohibited without permission.</p></footer></body></html>
        """;


    [Fact]
    public void Extract_PrintsTheArticleText()
    {
        using var dir = new TempDir();
        (int exit, string output, string error) = CliRunner.Run("extract", dir.File("port.html", Page));
        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.Equal("Dock workers in Meridia ended a nine-day strike on Tuesday after the port operator agreed to a wage rise.\n" +
            "Container ships that had waited at anchor began unloading within hours, port officials said on Tuesday.\n", output);
    }

    [Fact]
    public void Extract_Json_OfAGzippedPage_CarriesTheMetadata()
    {
        using var dir = new TempDir();
        string path = Path.Combine(dir.Path, "port.html.gz");
        File.WriteAllBytes(path, Compression.Gzip(Page));
        (int exit, string output, _) = CliRunner.Run("extract", path, "--format", "json", "--url", "https://harbourdaily.example/2025/03/04/port");
        Assert.Equal(ExitCodes.Success, exit);
        JsonElement page = JsonDocument.Parse(output).RootElement;
        Assert.Equal("Port of Meridia reopens", page.GetProperty("title").GetString());
        Assert.Equal(("2025-03-04T06:00:00+07:00", "meta"), (page.GetProperty("published").GetString(), page.GetProperty("published_from").GetString()));
        Assert.Equal(("Harbour Daily", "en", "utf-8"), (page.GetProperty("site").GetString(), page.GetProperty("language").GetString(), page.GetProperty("encoding").GetString()));
        Assert.Equal("https://harbourdaily.example/2025/03/04/port", page.GetProperty("canonical_url").GetString());
        Assert.StartsWith("Dock workers", page.GetProperty("text").GetString());
    }

    [Fact]
    public void Extract_BadPages_OneLineEach_AndTheRestGoesOn()
    {
        using var dir = new TempDir();
        string good = dir.File("good.html", Page), empty = dir.File("nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>");
        string bomb = Path.Combine(dir.Path, "bomb.html.gz");
        File.WriteAllBytes(bomb, Compression.Gzip(new string(' ', 25 * 1024 * 1024)));
        string missing = Path.Combine(dir.Path, "missing.html");
        (int exit, string output, string error) = CliRunner.Run("extract", empty, good, bomb, missing);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("==> " + good + " <==\nDock workers", output, StringComparison.Ordinal);
        Assert.Equal([
            $"kabar: {empty}: no article text found in the page",
            $"kabar: {bomb}: expands past the 20,971,520-byte limit; not read",
            ], error.Split('\n')[..2]);
        Assert.StartsWith($"kabar: {missing}: cannot be read", error.Split('\n')[2]);
        Assert.Equal(ExitCodes.BadInput, CliRunner.Run("extract", empty).Exit);
    }

    [Fact]
    public void EvalExtraction_ScoresATinyBenchmark_WithTheBenchmarksMetric()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "html"));
        File.WriteAllBytes(Path.Combine(dir.Path, "html", "a.html.gz"), Compression.Gzip(Page));
        File.WriteAllBytes(Path.Combine(dir.Path, "html", "b.html.gz"), Compression.Gzip(Page));
        string truth = "Dock workers in Meridia ended a nine-day strike on Tuesday after the port operator agreed to a wage rise. " +
            "Container ships that had waited at anchor began unloading within hours, port officials said on Tuesday.";
        dir.File("ground-truth.json", JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["a"] = new { articleBody = truth, url = "https://harbourdaily.example/a" },
            ["b"] = new { articleBody = "Something else entirely that this page does not say at all.", url = "https://harbourdaily.example/b" },
        }));
        (int exit, string output, _) = CliRunner.Run("eval", "extraction", "--benchmark", dir.Path, "--json");
        Assert.Equal(ExitCodes.Success, exit);
        JsonElement result = JsonDocument.Parse(output).RootElement;
        Assert.Equal((2, 1), (result.GetProperty("pages").GetInt32(), result.GetProperty("exact").GetInt32()));
        Assert.Equal((0.5, 0.5), (result.GetProperty("precision").GetDouble(), result.GetProperty("recall").GetDouble()));
        Assert.Equal(0.947, result.GetProperty("published").EnumerateArray().Single(p => p.GetProperty("system").GetString() == "readability.js").GetProperty("f1").GetDouble());
    }

    [Fact]
    public void EvalExtraction_NotABenchmark_OneLineError()
    {
        using var dir = new TempDir();
        (int exit, _, string error) = CliRunner.Run("eval", "extraction", "--benchmark", dir.Path);
        Assert.Equal((ExitCodes.BadInput, $"kabar: {dir.Path}: not an article-extraction benchmark (no ground-truth.json)\n"), (exit, error));
    }

    [SharedDataFact("data", "article-extraction", "ground-truth.json")]
    public void EvalExtraction_OnTheBenchmark_StaysAboveTheFloor()
    {
        (List<ExtractionPage> pages, (double _, double _, double f1)) = ExtractionEvaluation.Run(RepoPaths.SharedPath("data", "article-extraction"));
        Assert.Equal(181, pages.Count);
        Assert.True(f1 >= F1Floor, $"F1 {f1:0.000} fell below the floor {F1Floor}");
    }
}
