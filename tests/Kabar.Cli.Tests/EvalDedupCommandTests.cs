using System.Text.Json;

namespace Kabar.Cli.Tests;

public class EvalDedupCommandTests
{
    // On the 400 articles used here (seed 2025, a quarter of the originals briefs) precision and recall both measured
    // 1.000, in every band (docs/evaluation.md). A missed band candidate, a missed fingerprint (the partial copies of
    // briefs, "contained", are found by fingerprints alone) or a wrongly verified candidate drops below these floors.
    private const double PrecisionFloor = 0.999;
    private const double RecallFloor = 0.99;

    [Fact]
    public void Eval_PlantedCopies_AreFoundAsBruteForceFindsThem()
    {
        (int exit, string output, string error) = CliRunner.Run("eval", "dedup", "--articles", "400", "--json");
        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        using JsonDocument doc = JsonDocument.Parse(output);
        JsonElement root = doc.RootElement;
        Assert.InRange(root.GetProperty("duplicates").GetInt32(), 80, 200);  // the generator plants roughly a third as copies
        Assert.InRange(root.GetProperty("precision").GetDouble(), PrecisionFloor, 1);
        Assert.InRange(root.GetProperty("recall").GetDouble(), RecallFloor, 1);
        List<JsonElement> bands = [.. root.GetProperty("bands").EnumerateArray()];
        Assert.Contains(bands, b => b.GetProperty("band").GetString() == "exact");
        Assert.Contains(bands, b => b.GetProperty("band").GetString()!.EndsWith(", short", StringComparison.Ordinal));
        JsonElement contained = Assert.Single(bands, b => b.GetProperty("band").GetString() == "contained");
        Assert.InRange(contained.GetProperty("recall").GetDouble(), RecallFloor, 1);
    }

    [Fact]
    public void Eval_TooFewArticles_IsAUsageError()
    {
        (int exit, _, string error) = CliRunner.Run("eval", "dedup", "--articles", "1");
        Assert.Equal((ExitCodes.Usage, "kabar: --articles must be between 2 and 100000, not 1\n"), (exit, error));
    }
}
