using System.Text.Json;
using Kabar.Evaluation;
using Kabar.Web.Html;

namespace Kabar.Cli.Evaluation;

/// <summary>One page of the benchmark: its id, its address, and how Kabar's text matched the truth.</summary>
internal sealed record ExtractionPage(string Id, string Url, double Precision, double Recall, double F1, string? Problem);

/// <summary>
/// The article-extraction benchmark's layout: <c>html/ID.html.gz</c> pages and <c>ground-truth.json</c>
/// (<c>{ID: {articleBody, url}}</c>). Every page is extracted as <c>kabar extract</c> would and scored with
/// <see cref="ShingleMatch"/>.
/// </summary>
internal static class ExtractionEvaluation
{
    public static (List<ExtractionPage> Pages, (double Precision, double Recall, double F1) Total) Run(string directory)
    {
        using JsonDocument truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(directory, "ground-truth.json")));
        var pages = new List<ExtractionPage>();
        var counts = new List<(double, double, double)>();
        foreach (JsonProperty item in truth.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            string body = item.Value.TryGetProperty("articleBody", out JsonElement b) ? b.GetString() ?? "" : "";
            string url = item.Value.TryGetProperty("url", out JsonElement u) ? u.GetString() ?? "" : "";
            string file = Path.Combine(directory, "html", item.Name + ".html.gz");
            (string predicted, string? problem) = Extract(file, url);
            (double tp, double fp, double fn) = ShingleMatch.Of(body, predicted);
            counts.Add((tp, fp, fn));
            double precision = tp + fp > 0 ? tp / (tp + fp) : 0, recall = tp + fn > 0 ? tp / (tp + fn) : 0;
            pages.Add(new ExtractionPage(item.Name, url, precision, recall, precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0, problem));
        }

        return (pages, ShingleMatch.Summarize(counts));
    }

    private static (string Text, string? Problem) Extract(string file, string url)
    {
        Result<ExtractedPage> extracted = ExtractCommand.Extract(file, url);
        return extracted.IsSuccess ? (extracted.Value.Text, null) : ("", extracted.Rejection.Message);
    }
}
