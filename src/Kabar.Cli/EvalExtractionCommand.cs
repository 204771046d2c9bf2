using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kabar.Cli.Evaluation;

namespace Kabar.Cli;

/// <summary><c>kabar eval extraction --benchmark DIR [--json]</c>: main-content extraction on the article-extraction benchmark.</summary>
internal static class EvalExtractionCommand
{
    // F1 published with the benchmark (its README, 4-gram shingles, 181 pages).
    private static readonly (string Name, double F1)[] s_published =
    [
        ("rs_trafilatura", 0.970), ("go_trafilatura", 0.960), ("trafilatura", 0.958), ("readability.js", 0.947),
        ("readability-lxml", 0.922), ("goose3", 0.896), ("justext", 0.804), ("whole-page text", 0.665),
    ];

    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Option<DirectoryInfo>("--benchmark") { Description = "The benchmark folder: html/*.html.gz and ground-truth.json.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the scores, and every page's, as JSON." };
        var command = new Command("extraction", "Precision, recall and F1 of article extraction on the article-extraction benchmark.") { directory, json };
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(directory)!.FullName;
            if (!File.Exists(Path.Combine(path, "ground-truth.json")))
            {
                error.WriteLine($"kabar: {path}: not an article-extraction benchmark (no ground-truth.json)");
                return ExitCodes.BadInput;
            }

            List<ExtractionPage> pages;
            (double Precision, double Recall, double F1) total;
            try
            {
                (pages, total) = ExtractionEvaluation.Run(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                error.WriteLine($"kabar: {path}: {e.Message}");
                return ExitCodes.BadInput;
            }

            int exact = pages.Count(p => p.F1 >= 0.9999);
            foreach (ExtractionPage problem in pages.Where(p => p.Problem is not null))
            {
                error.WriteLine($"kabar: {problem.Problem}");
            }

            if (parsed.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    pages = pages.Count,
                    precision = Math.Round(total.Precision, 4),
                    recall = Math.Round(total.Recall, 4),
                    f1 = Math.Round(total.F1, 4),
                    exact,
                    published = s_published.Select(p => new { system = p.Name, f1 = p.F1 }),
                    scores = pages.Select(p => new { id = p.Id, url = p.Url, precision = Math.Round(p.Precision, 4), recall = Math.Round(p.Recall, 4), f1 = Math.Round(p.F1, 4), problem = p.Problem }),
                }, JsonOptions.Indented));
                return ExitCodes.Success;
            }

            output.WriteLine($"article extraction on {path} ({pages.Count} pages)");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Kabar            F1 {total.F1:0.000}  precision {total.Precision:0.000}  recall {total.Recall:0.000}  exact {exact}/{pages.Count} ({(double)exact / pages.Count:0.000})"));
            output.WriteLine("Published (same pages, same metric):");
            foreach ((string name, double f1) in s_published)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-16} F1 {f1:0.000}"));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
