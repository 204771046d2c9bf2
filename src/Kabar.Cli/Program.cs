using Kabar.Cli;

try
{
    return KabarCommand.Run(args, Console.Out, Console.Error);
}
catch (Exception e) when (Environment.GetEnvironmentVariable("KABAR_DEBUG") is null)
{
    // Bad input never reaches here (it becomes a one-line message); this is a bug in Kabar.
    Console.Error.WriteLine($"kabar: internal error: {e.GetType().Name}: {e.Message} (set KABAR_DEBUG=1 for details, and please report it)");
    return ExitCodes.InternalError;
}
