using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kabar.Alignment;
using Kabar.Cli.Evaluation;

namespace Kabar.Cli;

/// <summary><c>kabar eval alignment --corpus DIR [--json]</c>: PlagDet on a PAN text-alignment corpus.</summary>
internal static class EvalAlignmentCommand
{
    // Published PlagDet on the PAN 2013 test corpus (Sanchez-Perez et al. 2014), overall and per obfuscation.
    private static readonly Dictionary<string, double> s_published = new(StringComparer.Ordinal)
    {
        ["02-no-obfuscation"] = 0.900,
        ["03-random-obfuscation"] = 0.884,
        ["04-translation-obfuscation"] = 0.887,
        ["05-summary-obfuscation"] = 0.561,
        ["overall"] = 0.878,
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "A corpus in PAN text-alignment layout (src/, susp/, folders with pairs and gold XML).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var command = new Command("alignment", "PlagDet of the passage aligner on a PAN text-alignment corpus.") { corpus, json };
        command.SetAction(parsed =>
        {
            string dir = parsed.GetValue(corpus)!.FullName;
            (PanCorpus? loaded, string? problem) = PanCorpus.Load(dir);
            if (loaded is null)
            {
                error.WriteLine($"kabar: {problem}");
                return ExitCodes.BadInput;
            }

            var aligner = new PassageAligner(new PassageAlignerOptions());
            List<FolderScore> scores = AlignmentEvaluation.Run(loaded, aligner);
            if (parsed.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(scores.Select(s => new
                {
                    folder = s.Folder,
                    pairs = s.Pairs,
                    cases = s.Score.Cases,
                    detections = s.Score.Detections,
                    plagdet = Math.Round(s.Score.PlagDet, 4),
                    precision = Math.Round(s.Score.Precision, 4),
                    recall = Math.Round(s.Score.Recall, 4),
                    granularity = Math.Round(s.Score.Granularity, 4),
                    published = s_published.TryGetValue(s.Folder, out double p) ? p : (double?)null,
                }), JsonOptions.Indented));
                return ExitCodes.Success;
            }

            output.WriteLine($"PAN text alignment on {dir} ({loaded.Pairs.Count} pairs)");
            output.WriteLine($"{"folder",-28} {"pairs",6} {"cases",6} {"found",6} {"PlagDet",8} {"prec",6} {"recall",6} {"gran",6}  published");
            foreach (FolderScore s in scores)
            {
                string published = s_published.TryGetValue(s.Folder, out double p) ? p.ToString("0.000", CultureInfo.InvariantCulture) : "-";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Folder,-28} {s.Pairs,6} {s.Score.Cases,6} {s.Score.Detections,6} {s.Score.PlagDet,8:0.000} {s.Score.Precision,6:0.000} {s.Score.Recall,6:0.000} {s.Score.Granularity,6:0.000}  {published}"));
            }

            output.WriteLine("Published: Sanchez-Perez et al. 2014 on the PAN 2013 test corpus; this corpus is the training split.");
            return ExitCodes.Success;
        });
        return command;
    }
}
