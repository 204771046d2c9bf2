using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kabar.Cli.Evaluation;

namespace Kabar.Cli;

/// <summary><c>kabar eval dedup [--articles N] [--seed S] [--json]</c>: the near-duplicate index against brute force.</summary>
internal static class EvalDedupCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var articles = new Option<int>("--articles") { Description = "Articles to generate (brute force grows with the square).", DefaultValueFactory = _ => 3000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated corpus.", DefaultValueFactory = _ => 2025 };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var command = new Command("dedup", "Precision and recall of exact and near-duplicate detection against brute-force Jaccard on a generated corpus with planted copies.")
        {
            articles, seed, json,
        };
        command.SetAction(parsed =>
        {
            int count = parsed.GetValue(articles);
            if (count is < 2 or > 100_000)
            {
                error.WriteLine($"kabar: --articles must be between 2 and 100000, not {count}");
                return ExitCodes.Usage;
            }

            DedupScore score = TemporaryStore.Run("dedup", db => DedupEvaluation.Run(count, parsed.GetValue(seed), db));
            if (parsed.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    articles = score.Articles,
                    duplicates = score.TrueDuplicates,
                    found = score.Found,
                    precision = Math.Round(score.Precision, 4),
                    recall = Math.Round(score.Recall, 4),
                    bands = score.RecallBySimilarity.Select(b => new { band = b.Band, duplicates = b.Duplicates, recall = Math.Round(b.Recall, 4) }),
                }, JsonOptions.Indented));
                return ExitCodes.Success;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"duplicate detection on {score.Articles} generated articles: {score.TrueDuplicates} copies by brute force, {score.Found} marked"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {score.Precision:0.000}  recall {score.Recall:0.000}"));
            foreach ((string band, int duplicates, double recall) in score.RecallBySimilarity)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {band,-20} {duplicates,6} copies  recall {recall:0.000}"));
            }

            output.WriteLine("No published figure: the corpus is generated; brute force is the reference.");
            return ExitCodes.Success;
        });
        return command;
    }
}
