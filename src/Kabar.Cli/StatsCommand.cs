using System.CommandLine;
using Kabar.Storage;
using Kabar.Storage.Sqlite;

namespace Kabar.Cli;

/// <summary><c>kabar stats [--db FILE]</c>: counts of the store.</summary>
internal static class StatsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Option<string> db = DatabaseOption.Create();
        var command = new Command("stats", "Counts of stored articles, exact and near duplicates, and rejected inputs.") { db };
        command.SetAction(parsed =>
        {
            return DatabaseOption.WithStore(parsed.GetValue(db)!, error, store =>
            {
                StoreStats stats = store.GetStats();
                output.WriteLine($"articles: {stats.Articles}");
                output.WriteLine($"exact duplicates: {stats.ExactDuplicates}");
                output.WriteLine($"near duplicates: {stats.NearDuplicates}");
                output.WriteLine($"rejected inputs: {stats.Rejected}");
                foreach ((string reason, long count) in stats.RejectedByReason)
                {
                    output.WriteLine($"  {reason.ToLowerInvariant()}: {count}");
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }
}
