using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kabar.Cli.Evaluation;
using Kabar.Evaluation;
using Kabar.Stories;

namespace Kabar.Cli;

/// <summary><c>kabar eval stories [--articles N] [--seed S] [--json]</c> or <c>kabar eval stories --wikiref DIR</c>: story grouping against known events.</summary>
internal static class EvalStoriesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var articles = new Option<int>("--articles") { Description = "Articles to generate.", DefaultValueFactory = _ => 10_000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated corpus.", DefaultValueFactory = _ => 2025 };
        var wikiref = new Option<DirectoryInfo>("--wikiref") { Description = "Score a WikiRef folder (WikiRef220, 186 or 150: news texts whose file names give their topic) instead of a generated corpus." };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var command = new Command("stories", "B-cubed precision, recall and F1 (and NMI) of story grouping against the true events of a generated corpus, or of a WikiRef folder.")
        {
            articles, seed, wikiref, json,
        };
        command.SetAction(parsed =>
        {
            int count = parsed.GetValue(articles);
            if (count is < 2 or > 1_000_000)
            {
                error.WriteLine($"kabar: --articles must be between 2 and 1000000, not {count}");
                return ExitCodes.Usage;
            }

            StoryScore score;
            try
            {
                score = parsed.GetValue(wikiref) is { } folder
                    ? TemporaryStore.Run("wikiref", db => StoryEvaluation.WikiRef(folder.FullName, StoryMatcher.Default, db))
                    : TemporaryStore.Run("stories", db => StoryEvaluation.Synthetic(count, parsed.GetValue(seed), StoryMatcher.Default, db));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"kabar: {e.Message}");
                return ExitCodes.BadInput;
            }

            if (parsed.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    corpus = score.Corpus,
                    articles = score.Articles,
                    rejected = score.Rejected,
                    events = score.Events,
                    stories = score.Stories,
                    precision = Math.Round(score.Agreement.Precision, 4),
                    recall = Math.Round(score.Agreement.Recall, 4),
                    f1 = Math.Round(score.Agreement.F1, 4),
                    nmi = Math.Round(score.Agreement.Nmi, 4),
                    joined = score.JoinedBySource.Select(j => new { kind = j.Kind.ToString(), articles = j.Articles, share = Math.Round(j.Joined, 4) }),
                }, JsonOptions.Indented));
                return ExitCodes.Success;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{score.Corpus}: {score.Articles} articles ({score.Rejected} rejected), {score.Events} events, {score.Stories} stories"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"B-cubed precision {score.Agreement.Precision:0.000}  recall {score.Agreement.Recall:0.000}  F1 {score.Agreement.F1:0.000}   NMI {score.Agreement.Nmi:0.000}"));
            foreach ((SyntheticKind kind, int n, double joined) in score.JoinedBySource)
            {
                string what = kind == SyntheticKind.Related ? "wrongly joined the event whose names they share" : "joined the story of their source";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind,-10} {n,7}  {what}: {joined:0.000}"));
            }

            output.WriteLine(score.JoinedBySource.Count > 0
                ? "No published figure: the corpus is generated; its events are the reference."
                : "No published figure for Kabar's task: WikiRef's topics are broader than one event, so recall against them is bounded by design; precision is the figure to watch.");
            return ExitCodes.Success;
        });
        return command;
    }
}
