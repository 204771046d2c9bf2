using System.Text.Json;
using Kabar.Cli.Evaluation;
using Kabar.Stories;
using Kabar.Testing;

namespace Kabar.Cli.Tests;

public class EvalStoriesCommandTests
{
    // On 2,000 generated articles (seed 2025) B-cubed measured precision 0.923, recall 0.995; 97.6% of the independent
    // reports joined their event and 23.6% of the related events were wrongly merged (docs/evaluation.md). The floors
    // sit just under.
    private const double PrecisionFloor = 0.92, RecallFloor = 0.99, ReportsJoinedFloor = 0.97, RelatedMergedCeiling = 0.24;

    // WikiRef220 measured B-cubed precision 0.995, F1 0.404, NMI 0.673.
    private const double WikiRefPrecisionFloor = 0.99, WikiRefF1Floor = 0.40, WikiRefNmiFloor = 0.67;

    [Fact]
    public void Eval_GeneratedEvents_StayAboveTheFloors()
    {
        (int exit, string output, string error) = CliRunner.Run("eval", "stories", "--articles", "2000", "--json");
        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        Assert.Equal((2000, 0), (root.GetProperty("articles").GetInt32(), root.GetProperty("rejected").GetInt32()));
        Assert.InRange(root.GetProperty("precision").GetDouble(), PrecisionFloor, 1);
        Assert.InRange(root.GetProperty("recall").GetDouble(), RecallFloor, 1);
        Dictionary<string, double> joined = root.GetProperty("joined").EnumerateArray()
            .ToDictionary(j => j.GetProperty("kind").GetString()!, j => j.GetProperty("share").GetDouble());
        Assert.Equal(1, joined["ExactCopy"]);  // a copy goes where its original went
        Assert.InRange(joined["Report"], ReportsJoinedFloor, 1);
        Assert.InRange(joined["Related"], 0, RelatedMergedCeiling);
    }

    [Fact]
    public void Eval_WikiRefFolder_TakesTopicsFromFileNames()
    {
        using var dir = new TempDir();
        dir.File("flood.1.txt", StoryTexts.FloodA);
        dir.File("flood.2.txt", StoryTexts.FloodB);
        dir.File("strike (1).txt", StoryTexts.Strike);
        dir.File("match (7).txt", StoryTexts.Match);
        dir.File("readme.md", "not a text of the set");
        (int exit, string output, string error) = CliRunner.Run("eval", "stories", "--wikiref", dir.Path);
        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.Contains(": 4 articles (0 rejected), 3 events, 3 stories\n", output, StringComparison.Ordinal);
        Assert.Contains("B-cubed precision 1.000  recall 1.000  F1 1.000   NMI 1.000\n", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("premier.league.126.txt", "premier.league")]
    [InlineData("ParisAttacks2015 (10).txt", "ParisAttacks2015")]
    [InlineData("samsung.galaxy.s5.4.txt", "samsung.galaxy.s5")]
    public void Topic_IsTheFileNameWithoutItsNumber(string file, string topic) =>
        Assert.Equal(topic, StoryEvaluation.Topic(Path.Combine("WikiRef220", file)));

    [Fact]
    public void Eval_FolderWithoutTexts_OneLineError()
    {
        using var dir = new TempDir();
        (int exit, _, string error) = CliRunner.Run("eval", "stories", "--wikiref", dir.Path);
        Assert.Equal((ExitCodes.BadInput, $"kabar: {dir.Path}: no .txt files (this is not a WikiRef folder)\n"), (exit, error));
        string missing = Path.Combine(dir.Path, "nowhere");
        (exit, _, error) = CliRunner.Run("eval", "stories", "--wikiref", missing);
        Assert.Equal((ExitCodes.BadInput, $"kabar: {missing}: no such folder\n"), (exit, error));
    }

    [SharedDataFact("data", "wikiref", "WikiRef220")]
    public void Eval_WikiRef220_StaysAboveTheFloors()
    {
        StoryScore score = TemporaryStore.Run("wikiref-test", db =>
            StoryEvaluation.WikiRef(RepoPaths.SharedPath("data", "wikiref", "WikiRef220"), StoryMatcher.Default, db));
        Assert.Equal((220, 0, 16), (score.Articles, score.Rejected, score.Events));
        Assert.True(score.Agreement.Precision >= WikiRefPrecisionFloor, $"precision {score.Agreement.Precision:0.000} fell below {WikiRefPrecisionFloor}");
        Assert.True(score.Agreement.F1 >= WikiRefF1Floor, $"F1 {score.Agreement.F1:0.000} fell below {WikiRefF1Floor}");
        Assert.True(score.Agreement.Nmi >= WikiRefNmiFloor, $"NMI {score.Agreement.Nmi:0.000} fell below {WikiRefNmiFloor}");
    }
}
