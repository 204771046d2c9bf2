using System.CommandLine;

namespace Kabar.Cli;

/// <summary>The <c>kabar</c> command tree. Commands parse arguments, compose, and call Core.</summary>
internal static class KabarCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error, Func<Stream>? standardInput = null)
    {
        var root = new RootCommand("Kabar: which news articles tell the same story, who copied whom, and what differs.");
        root.Subcommands.Add(CompareCommand.Create(output, error));
        root.Subcommands.Add(ExtractCommand.Create(output, error));
        root.Subcommands.Add(IngestCommand.Create(output, error, standardInput ?? Console.OpenStandardInput));
        root.Subcommands.Add(WatchCommand.Create(output, error));
        root.Subcommands.Add(StoriesCommand.Create(output, error));
        root.Subcommands.Add(StoryCommand.Create(output, error));
        root.Subcommands.Add(DupsCommand.Create(output, error));
        root.Subcommands.Add(ExportCommand.Create(output, error));
        root.Subcommands.Add(StatsCommand.Create(output, error));
        root.Subcommands.Add(ServeCommand.Create(output, error));
        var eval = new Command("eval", "Measure Kabar's algorithms on public benchmarks.");
        eval.Subcommands.Add(EvalAlignmentCommand.Create(output, error));
        eval.Subcommands.Add(EvalSimilarityCommand.Create(output, error));
        eval.Subcommands.Add(EvalDedupCommand.Create(output, error));
        eval.Subcommands.Add(EvalStoriesCommand.Create(output, error));
        eval.Subcommands.Add(EvalExtractionCommand.Create(output, error));
        root.Subcommands.Add(eval);

        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError e in parsed.Errors)
            {
                error.WriteLine($"kabar: {e.Message}");
            }

            error.WriteLine("Try 'kabar --help'.");
            return ExitCodes.Usage;
        }

        try
        {
            // Without the library's own handler, which prints a stack trace: a bug gets the one line below.
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("KABAR_DEBUG") is null)
        {
            // Bad input never reaches here (it becomes a one-line message); this is a bug in Kabar.
            Exception cause = e is AggregateException { InnerExceptions.Count: 1 } one ? one.InnerExceptions[0] : e;
            error.WriteLine($"kabar: internal error: {cause.GetType().Name}: {cause.Message} (set KABAR_DEBUG=1 for details, and please report it)");
            return ExitCodes.InternalError;
        }
    }
}
