using System.CommandLine;
using System.Text.Json;
using Kabar.Cli.Reports;
using Kabar.Reports;
using Kabar.Comparison;
using Kabar.Pipeline;

namespace Kabar.Cli;

/// <summary><c>kabar compare A B [--json FILE] [--html FILE]</c>: two articles side by side.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var first = new Argument<string>("a") { Description = "The first article (plain text, UTF-8 or Windows-1252)." };
        var second = new Argument<string>("b") { Description = "The second article." };
        var json = new Option<string?>("--json") { Description = "Also write the report as JSON to FILE ('-' for standard output)." };
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML page to FILE." };
        var noColor = new Option<bool>("--no-color") { Description = "Plain text even on a terminal (NO_COLOR is honoured too)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No terminal report; only the files asked for." };
        var command = new Command("compare", "Compare two articles: shared and unique sentences, spelling variants, discrepancies, credits.")
        {
            first, second, json, html, noColor, quiet,
        };
        command.SetAction(parsed =>
        {
            string pathA = parsed.GetValue(first)!, pathB = parsed.GetValue(second)!;
            if (string.Equals(Path.GetFullPath(pathA), Path.GetFullPath(pathB), StringComparison.Ordinal))
            {
                error.WriteLine($"kabar: {pathA}: the same file given twice; compare two different articles");
                return ExitCodes.Usage;
            }

            (Article? a, string? problemA) = ArticleFiles.Read(pathA, NewsPipeline.Default);
            (Article? b, string? problemB) = ArticleFiles.Read(pathB, NewsPipeline.Default);
            foreach (string? problem in new[] { problemA, problemB })
            {
                if (problem is not null)
                {
                    error.WriteLine($"kabar: {problem}");
                }
            }

            if (a is null || b is null)
            {
                return ExitCodes.BadInput;
            }

            CompareReport report = CompareReport.From(ArticleComparer.Default.Compare(a, b));
            string? jsonPath = parsed.GetValue(json), htmlPath = parsed.GetValue(html);
            if (!parsed.GetValue(quiet) && jsonPath != "-")
            {
                bool color = !parsed.GetValue(noColor) && Environment.GetEnvironmentVariable("NO_COLOR") is null
                    && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
                new TerminalReport(output, color).Write(report);
            }

            if (jsonPath is not null && !TryWrite(jsonPath, JsonSerializer.Serialize(report, JsonOptions.Indented) + "\n", output, error))
            {
                return ExitCodes.OutputFailed;
            }

            if (htmlPath is not null && !TryWrite(htmlPath, HtmlReport.Render(report), output, error))
            {
                return ExitCodes.OutputFailed;
            }

            if (!report.Alignments.Any())
            {
                error.WriteLine($"kabar: {pathA} and {pathB} share no sentence: no overlap");
                return ExitCodes.NoOverlap;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryWrite(string path, string content, TextWriter output, TextWriter error)
    {
        if (path == "-")
        {
            output.Write(content);
            return true;
        }

        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, content);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"kabar: {path}: cannot write: {e.Message}");
            return false;
        }
    }
}
