using System.Text.Json;
using Kabar.Cli.Evaluation;
using Kabar.Stories;
using Kabar.Testing;

namespace Kabar.Cli.Tests;

public class EvalSimilarityCommandTests
{
    // Pearson on ../shared/data/semeval2022-task8/train.csv measured at 0.566 (docs/evaluation.md); the floor sits just under it.
    private const double PearsonFloor = 0.56;

    private static string Row(string id, string text1, string text2, double overall) =>
        $"{id},{id},en,en,\"{text1}\",\"{text2}\",1,1,1,1,{overall},1,1\n";

    // Three pairs written here: the same event told twice (1), a loosely related pair (2.5), unrelated reports (4).
    private static string WriteFile(TempDir dir) => dir.File("pairs.csv",
        ",pair_id,lang1,lang2,text1,text2,Geography,Entities,Time,Narrative,Overall,Style,Tone\n" +
        Row("1_2", "Floods hit Sukamaju. The Cikaret river burst its banks on Monday and flooded seven villages in Sukamaju.",
            "The Cikaret river flooded seven Sukamaju villages on Monday after heavy rain, forcing thousands from their homes.", 1) +
        Row("3_4", "Dock workers in Meridia ended a nine-day strike after a wage deal on Tuesday.",
            "Truck drivers in a neighbouring province threatened a strike over fuel prices.", 2.5) +
        Row("5_6", "A new species of orchid was described by botanists in the highlands.",
            "The central bank kept its interest rate unchanged for the fourth month.", 4));

    [Fact]
    public void Eval_RanksSameEventAboveUnrelated_PerfectlyOnThreePairs()
    {
        using var dir = new TempDir();
        (int exit, string output, string error) = CliRunner.Run("eval", "similarity", "--semeval", WriteFile(dir), "--json");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.Equal(0.818, doc.RootElement.GetProperty("published").GetDouble());
        JsonElement overall = doc.RootElement.GetProperty("scores")[0];
        Assert.Equal(("overall", 3), (overall.GetProperty("languages").GetString(), overall.GetProperty("pairs").GetInt32()));
        Assert.InRange(overall.GetProperty("pearson").GetDouble(), 0.9, 1.0);
    }

    [Fact]
    public void Eval_BadRowsAreNamedAndSkipped()
    {
        using var dir = new TempDir();
        string path = WriteFile(dir);
        File.AppendAllText(path, "7_8,7_8,en,en,a,b,1,1,1,1,not-a-number,1,1\n");
        (int exit, string output, string error) = CliRunner.Run("eval", "similarity", "--semeval", path);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal($"kabar: {path}: line 5: Overall 'not-a-number' is not a number\n", error);
        Assert.Contains("(3 pairs, 0 with a text Kabar rejected)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_NotASemEvalFile_OneLineError()
    {
        using var dir = new TempDir();
        string path = dir.File("other.csv", "a,b\n1,2\n");
        (int exit, _, string error) = CliRunner.Run("eval", "similarity", "--semeval", path);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"kabar: {path}: line 1: no column 'pair_id' (this is not a SemEval-2022 Task 8 file)\n", error);
    }

    [SharedDataFact("data", "semeval2022-task8", "train.csv")]
    public void Eval_SemEvalTraining_StaysAboveTheFloor()
    {
        using var reader = new StreamReader(RepoPaths.SharedPath("data", "semeval2022-task8", "train.csv"));
        (List<SemEvalPair> pairs, List<string> problems) = SimilarityEvaluation.Load(reader);
        Assert.Empty(problems);
        Assert.Equal(1283, pairs.Count);
        double overall = SimilarityEvaluation.Run(pairs, StoryMatcher.Default).Scores[0].Pearson;
        Assert.True(overall >= PearsonFloor, $"Pearson {overall:0.000} fell below the floor {PearsonFloor}");
    }
}
