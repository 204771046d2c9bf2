namespace Kabar.Cli.Tests;

public class IngestProgressTests
{
    [Fact]
    public void NotATerminal_APlainLineEveryTwoSeconds()
    {
        var error = new StringWriter();
        var progress = new IngestProgress(error, totalBytes: 1000, terminal: false);
        progress.Advance(100, 10, TimeSpan.FromSeconds(1.5));
        Assert.Equal("", error.ToString());
        progress.Advance(100, 20, TimeSpan.FromSeconds(2.5));
        progress.Advance(100, 30, TimeSpan.FromSeconds(3));
        Assert.Equal("kabar: progress: 20 articles stored, 8 articles/s\n", error.ToString());
    }

    [Fact]
    public void Terminal_ABarWithShareRateAndEta_RedrawnInPlace_AndClearedForMessages()
    {
        var error = new StringWriter();
        var progress = new IngestProgress(error, totalBytes: 1000, terminal: true);
        progress.Advance(250, 50, TimeSpan.FromSeconds(10));
        string bar = error.ToString();
        Assert.StartsWith("\r[#######.......................]  25% 50 articles 5/s ETA 0:00:30", bar);
        progress.Clear();
        Assert.Matches(@"^\r +\r$", error.ToString()[bar.Length..]);
    }
}
