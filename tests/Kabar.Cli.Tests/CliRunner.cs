namespace Kabar.Cli.Tests;

/// <summary>Runs the kabar command tree in-process with captured output.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Err) Run(params string[] args) => RunWithInput("", args);

    public static (int Exit, string Out, string Err) RunWithInput(string standardInput, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = KabarCommand.Run(args, output, error, () => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(standardInput)));

        // Ingest progress lines come every 2 s, so whether one appears depends on the machine's load, not on Kabar.
        string problems = string.Concat(error.ToString().Split('\n').Where(l => l.Length > 0 && !l.StartsWith("kabar: progress: ", StringComparison.Ordinal)).Select(l => l + "\n"));
        return (exit, output.ToString(), problems);
    }
}

/// <summary>A temporary folder removed after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kabar-test-").FullName;

    public string File(string name, string? text = null)
    {
        string path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        if (text is not null)
        {
            System.IO.File.WriteAllText(path, text);
        }

        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
