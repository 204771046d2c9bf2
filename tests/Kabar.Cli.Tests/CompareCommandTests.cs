using System.Text.Json;
using Kabar.Testing;

namespace Kabar.Cli.Tests;

public class CompareCommandTests
{
    private static readonly string s_wire = RepoPaths.Sample("pelabuhan-02-terjemahan.txt");
    private static readonly string s_machine = RepoPaths.Sample("pelabuhan-03-mesin.txt");

    [Fact]
    public void Compare_Samples_PrintsSummaryFirstThenEverySection()
    {
        (int exit, string output, string error) = CliRunner.Run("compare", s_wire, s_machine);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        string[] sections = ["Verdict:", "Aligned sentences", "Only in A", "Only in B", "Spelling variants", "Discrepancies", "Removed boilerplate"];
        int[] positions = [.. sections.Select(s => output.IndexOf(s, StringComparison.Ordinal))];
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("SUARAPESISIR.co (Jakarta)", output);
        Assert.Contains("Johan Verhoek ×1 · B: Johan Verhuk ×1", output);
        Assert.Contains("number: A \"14\" ≠ B \"41\"", output);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal); // not a terminal: no colour codes
    }

    [Fact]
    public void Compare_Json_HasTheDocumentedFields()
    {
        using var dir = new TempDir();
        string json = dir.File("report.json");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("compare", s_wire, s_machine, "--json", json, "--quiet").Exit);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = doc.RootElement;
        JsonElement a = root.GetProperty("articles")[0];
        Assert.Equal(s_wire, a.GetProperty("path").GetString());
        Assert.Equal("SUARAPESISIR.co", a.GetProperty("outlet").GetString());
        Assert.Equal("id", a.GetProperty("language").GetString());
        Assert.Equal("2025-03-04", a.GetProperty("published").GetString());
        Assert.Equal("2025-03-04", a.GetProperty("dates")[0].GetProperty("iso").GetString());
        Assert.Contains(a.GetProperty("credits").EnumerateArray(), c => c.GetProperty("source").GetString() == "Reuters");
        JsonElement removed = a.GetProperty("removed")[0];
        string text = a.GetProperty("text").GetString()!;
        Assert.Equal(removed.GetProperty("text").GetString(), text[removed.GetProperty("start").GetInt32()..removed.GetProperty("end").GetInt32()]);
        Assert.Equal("related-link", removed.GetProperty("reason").GetString());

        JsonElement pair = root.GetProperty("alignments")[0];
        Assert.Contains(pair.GetProperty("kind").GetString(), new[] { "copied", "paraphrased" });
        Assert.InRange(pair.GetProperty("score").GetDouble(), 0, 1);
        Assert.Equal(pair.GetProperty("a").GetProperty("text").GetString(),
            text[pair.GetProperty("a").GetProperty("start").GetInt32()..pair.GetProperty("a").GetProperty("end").GetInt32()]);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("unique").GetProperty("a").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("unique").GetProperty("b").ValueKind);
        JsonElement form = root.GetProperty("variants")[0].GetProperty("forms")[0];
        Assert.True(form.TryGetProperty("text", out _) && form.TryGetProperty("article", out _) && form.TryGetProperty("count", out _));
        Assert.Contains(root.GetProperty("discrepancies").EnumerateArray(), d => d.GetProperty("kind").GetString() == "number");
    }

    [Fact]
    public void Compare_SameInputTwice_WritesByteIdenticalJson()
    {
        (_, string first, _) = CliRunner.Run("compare", s_wire, s_machine, "--json", "-");
        (_, string second, _) = CliRunner.Run("compare", s_wire, s_machine, "--json", "-");
        Assert.Equal(first, second);
        Assert.StartsWith("{", first);
    }

    [Fact]
    public void Compare_Html_IsSelfContainedAndHighlightsPassages()
    {
        using var dir = new TempDir();
        string html = Path.Combine(dir.Path, "new-folder", "report.html");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("compare", s_wire, s_machine, "--html", html, "--quiet").Exit);
        string page = File.ReadAllText(html);
        Assert.Contains("class=\"s copied\"", page);
        Assert.Contains("class=\"s paraphrased\"", page);
        Assert.Contains("class=\"s unique\"", page);
        Assert.Contains("<mark class=\"variant\"", page);
        Assert.Contains("<mark class=\"discrepancy\"", page);
        Assert.DoesNotContain("src=\"http", page);
        Assert.DoesNotContain("href=\"http", page);
    }

    [Fact]
    public void Compare_ArticleWithMarkup_RendersItAsText()
    {
        using var dir = new TempDir();
        const string hostile = "Warga <script>alert('x')</script> mengungsi ke balai desa setelah banjir besar melanda.\nAir <b>surut</b> pada sore hari di tujuh desa.";
        string a = dir.File("a.txt", hostile);
        string b = dir.File("b.txt", hostile.Replace("besar", "hebat", StringComparison.Ordinal));
        string html = dir.File("report.html");
        Assert.Equal(ExitCodes.Success, CliRunner.Run("compare", a, b, "--html", html, "--quiet").Exit);
        string page = File.ReadAllText(html);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<b>surut", page);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", page);
    }
}
