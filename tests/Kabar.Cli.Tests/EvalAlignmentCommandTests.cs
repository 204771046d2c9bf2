using System.Text.Json;
using Kabar.Alignment;
using Kabar.Cli.Evaluation;
using Kabar.Testing;

namespace Kabar.Cli.Tests;

public class EvalAlignmentCommandTests
{
    // PlagDet on ../shared/data/pan13-train measured at 0.851 (docs/evaluation.md); the floor sits just under it.
    private const double PlagDetFloor = 0.845;

    private const string Reused =
        "The harbour authority said the first container ships left the port before dawn on Tuesday. " +
        "Dock workers accepted a wage rise of seven percent spread over two years of the new contract. " +
        "The stoppage was the longest at the port since the bitter dispute of two thousand eleven. ";

    // A corpus in PAN layout, written here: one pair with a verbatim passage, one pair with none.
    private static string WriteCorpus(TempDir dir)
    {
        string suspicious = "Gardeners grew tomatoes on the roof all summer long. " + Reused + "Children painted murals on the school wall.";
        string source = "Bakers queued for flour at dawn in the old market square. " + Reused + "Tourists photographed the lighthouse from the pier.";
        dir.File("corpus/susp/suspicious-document00001.txt", suspicious);
        dir.File("corpus/src/source-document00001.txt", source);
        dir.File("corpus/src/source-document00002.txt", "Nothing here resembles the other text at all, not even a little bit.");
        dir.File("corpus/02-no-obfuscation/pairs", "suspicious-document00001.txt source-document00001.txt\n");
        int so = suspicious.IndexOf(Reused, StringComparison.Ordinal), ro = source.IndexOf(Reused, StringComparison.Ordinal);
        int length = Reused.TrimEnd().Length;
        dir.File("corpus/02-no-obfuscation/suspicious-document00001-source-document00001.xml",
            $"<document reference=\"suspicious-document00001.txt\"><feature name=\"plagiarism\" this_offset=\"{so}\" this_length=\"{length}\" source_offset=\"{ro}\" source_length=\"{length}\" source_reference=\"source-document00001.txt\" /></document>");
        dir.File("corpus/01-no-plagiarism/pairs", "suspicious-document00001.txt source-document00002.txt\n");
        return Path.Combine(dir.Path, "corpus");
    }

    [Fact]
    public void Eval_VerbatimPassage_ScoresPerfectPlagDet()
    {
        using var dir = new TempDir();
        (int exit, string output, string error) = CliRunner.Run("eval", "alignment", "--corpus", WriteCorpus(dir), "--json");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", error);
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement overall = doc.RootElement.EnumerateArray().Single(e => e.GetProperty("folder").GetString() == "overall");
        Assert.Equal(1.0, overall.GetProperty("plagdet").GetDouble());
        Assert.Equal(2, overall.GetProperty("pairs").GetInt32());
        Assert.Equal(0.878, overall.GetProperty("published").GetDouble());
    }

    [Fact]
    public void Eval_TextOutput_ShowsPublishedFigureBesideOurs()
    {
        using var dir = new TempDir();
        (int exit, string output, _) = CliRunner.Run("eval", "alignment", "--corpus", WriteCorpus(dir));
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Matches(@"overall\s+2\s+1\s+1\s+1\.000\s+1\.000\s+1\.000\s+1\.000\s+0\.878", output);
    }

    [Fact]
    public void Eval_MissingCorpus_OneLineError()
    {
        (int exit, _, string error) = CliRunner.Run("eval", "alignment", "--corpus", "/no/such/corpus");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("kabar: /no/such/corpus: no such directory\n", error);
    }

    [Fact]
    public void Eval_MalformedGold_NamesTheFile()
    {
        using var dir = new TempDir();
        string corpus = WriteCorpus(dir);
        string xml = Path.Combine(corpus, "02-no-obfuscation", "suspicious-document00001-source-document00001.xml");
        File.WriteAllText(xml, "<document><feature name=\"plagiarism\" this_offset=\"x\"");
        (int exit, _, string error) = CliRunner.Run("eval", "alignment", "--corpus", corpus);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith($"kabar: {xml}: malformed gold XML", error);
    }

    [SharedDataFact("data", "pan13-train")]
    public void Eval_Pan13Training_StaysAboveTheFloor()
    {
        (PanCorpus? corpus, string? problem) = PanCorpus.Load(RepoPaths.SharedPath("data", "pan13-train"));
        Assert.True(corpus is not null, problem);
        List<FolderScore> scores = AlignmentEvaluation.Run(corpus, new PassageAligner(new PassageAlignerOptions()));
        double overall = scores.Single(s => s.Folder == "overall").Score.PlagDet;
        Assert.True(overall >= PlagDetFloor, $"PlagDet {overall:0.000} fell below the floor {PlagDetFloor}");
    }
}
