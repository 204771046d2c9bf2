using System.CommandLine;

namespace Kabar.Cli;

internal static class CompareCommand
{
    public static Command Create(TextWriter output, TextWriter error) => new("compare", "Compare two articles.");
}
