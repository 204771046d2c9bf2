using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kabar.Cli.Evaluation;
using Kabar.Stories;

namespace Kabar.Cli;

/// <summary><c>kabar eval similarity --semeval FILE.csv [--json]</c>: story similarity against SemEval-2022 Task 8.</summary>
internal static class EvalSimilarityCommand
{
    // The winning system of SemEval-2022 Task 8 (Xu et al., multilingual transformer), Pearson on the test split.
    private const double Published = 0.818;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Option<FileInfo>("--semeval") { Description = "A SemEval-2022 Task 8 CSV (pair_id, lang1, lang2, text1, text2, Overall, …).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var command = new Command("similarity", "Pearson of Kabar's story similarity against SemEval-2022 Task 8 Overall scores.") { file, json };
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(file)!.FullName;
            List<SemEvalPair> pairs;
            try
            {
                using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
                (pairs, List<string> problems) = SimilarityEvaluation.Load(reader);
                foreach (string problem in problems)
                {
                    error.WriteLine($"kabar: {path}: {problem}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                error.WriteLine($"kabar: {path}: {e.Message}");
                return ExitCodes.BadInput;
            }

            if (pairs.Count == 0)
            {
                error.WriteLine($"kabar: {path}: no pairs to score");
                return ExitCodes.BadInput;
            }

            (List<SimilarityScore> scores, int rejected) = SimilarityEvaluation.Run(pairs, StoryMatcher.Default);
            if (parsed.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    pairs = pairs.Count,
                    rejected,
                    published = Published,
                    scores = scores.Select(s => new { languages = s.Languages, pairs = s.Pairs, pearson = Math.Round(s.Pearson, 4) }),
                }, JsonOptions.Indented));
                return ExitCodes.Success;
            }

            output.WriteLine($"SemEval-2022 Task 8 on {path} ({pairs.Count} pairs, {rejected} with a text Kabar rejected)");
            output.WriteLine($"{"languages",-10} {"pairs",6} {"Pearson",8}");
            foreach (SimilarityScore s in scores)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Languages,-10} {s.Pairs,6} {s.Pearson,8:0.000}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Published: {Published:0.000} overall (winning system, test split); this file is the training split."));
            return ExitCodes.Success;
        });
        return command;
    }
}
