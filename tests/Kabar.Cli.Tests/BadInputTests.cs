using Kabar.Testing;

namespace Kabar.Cli.Tests;

/// <summary>Every bad input gets one line naming the file and the reason, and a documented exit code; never a stack trace.</summary>
public class BadInputTests
{
    private static readonly string s_good = RepoPaths.Sample("banjir-01-wire.txt");

    private static void AssertOneLine(string error, string mustContain)
    {
        string[] lines = error.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("kabar: ", lines[0]);
        Assert.Contains(mustContain, lines[0]);
        Assert.DoesNotContain("   at ", error);
    }

    public static TheoryData<string, byte[]?, string> FailureData => new()
    {
        { "missing.txt", null, "missing.txt: no such file" },
        { "empty.txt", [], "empty.txt: empty" },
        { "binary.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A], "binary.bin: binary: NUL byte at offset 4" },
        { "mixed.txt", [.. "Harga naik "u8.ToArray(), 0x9D, 0xC3, 0x28], "mixed.txt: undecodable: byte 0x9D at offset 11" },
        { "ads.txt", "Baca juga: Apa Saja\nADVERTISEMENT\n"u8.ToArray(), "ads.txt: no content" },
    };

    [Theory]
    [MemberData(nameof(FailureData))]
    public void Compare_BadFile_OneLineAndBadInputExitCode(string name, byte[]? content, string message)
    {
        using var dir = new TempDir();
        string path = dir.File(name);
        if (content is not null)
        {
            File.WriteAllBytes(path, content);
        }

        (int exit, string output, string error) = CliRunner.Run("compare", s_good, path);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", output);
        AssertOneLine(error, message);
    }

    [Fact]
    public void Compare_Directory_SaysSo()
    {
        using var dir = new TempDir();
        (int exit, _, string error) = CliRunner.Run("compare", s_good, dir.Path);
        Assert.Equal(ExitCodes.BadInput, exit);
        AssertOneLine(error, "is a directory");
    }

    [Fact]
    public void Compare_FileOverTheLimit_IsRejectedBeforeReading()
    {
        using var dir = new TempDir();
        string path = dir.File("huge.txt");
        using (FileStream f = File.Create(path))
        {
            f.SetLength(Limits.MaxDocumentBytes + 1L);
        }

        (int exit, _, string error) = CliRunner.Run("compare", s_good, path);
        Assert.Equal(ExitCodes.BadInput, exit);
        AssertOneLine(error, "too large: 5,242,881 bytes, the limit is 5,242,880");
    }

    [Fact]
    public void Compare_BothFilesBad_ReportsBoth()
    {
        (int exit, _, string error) = CliRunner.Run("compare", "nope-1.txt", "nope-2.txt");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(["kabar: nope-1.txt: no such file", "kabar: nope-2.txt: no such file"], error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Compare_SameFileTwice_IsAUsageError()
    {
        (int exit, _, string error) = CliRunner.Run("compare", s_good, s_good);
        Assert.Equal(ExitCodes.Usage, exit);
        AssertOneLine(error, "the same file given twice");
    }

    [Fact]
    public void Compare_NothingInCommon_SaysNoOverlapWithItsExitCode()
    {
        using var dir = new TempDir();
        string other = dir.File("sport.txt", "Tim nasional menang dua gol tanpa balas di stadion utama.\nPelatih memuji pertahanan yang disiplin sepanjang laga.");
        (int exit, string output, string error) = CliRunner.Run("compare", s_good, other);
        Assert.Equal(ExitCodes.NoOverlap, exit);
        Assert.Contains("Verdict: no overlap: the articles share no sentence", output);
        AssertOneLine(error, "share no sentence: no overlap");
    }

    [Fact]
    public void Compare_OutputFolderCreated_ButUnwritableOutputFailsWithItsExitCode()
    {
        using var dir = new TempDir();
        string underAFile = Path.Combine(dir.File("plain.txt", "not a folder"), "x.json");
        (int exit, _, string error) = CliRunner.Run("compare", s_good, RepoPaths.Sample("banjir-02-copy.txt"), "--quiet", "--json", underAFile);
        Assert.Equal(ExitCodes.OutputFailed, exit);
        AssertOneLine(error, underAFile + ": cannot write");
    }

    [Fact]
    public void UnknownOption_IsAUsageError()
    {
        (int exit, _, string error) = CliRunner.Run("compare", s_good, RepoPaths.Sample("banjir-02-copy.txt"), "--frobnicate");
        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("kabar: ", error);
        Assert.DoesNotContain("   at ", error);
    }

    // A bug (here, standard input that throws what no reader expects) gets one line and exit 70, not a stack trace.
    // With KABAR_DEBUG set the exception is let through instead, and this test fails with it.
    [Fact]
    public void InternalError_IsOneLineWithItsExitCode()
    {
        using var dir = new TempDir();
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = KabarCommand.Run(["ingest", "-", "--db", dir.File("kabar.db")], output, error,
            () => throw new InvalidOperationException("standard input broke"));
        Assert.Equal(ExitCodes.InternalError, exit);
        AssertOneLine(error.ToString(), "kabar: internal error: InvalidOperationException: standard input broke (set KABAR_DEBUG=1");
    }
}
