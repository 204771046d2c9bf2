using System.CommandLine;
using Kabar.Storage.Sqlite;

namespace Kabar.Cli;

/// <summary><c>kabar dups [--db FILE] [--limit N]</c>: the largest duplicate clusters and how each member copies.</summary>
internal static class DupsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Option<string> db = DatabaseOption.Create();
        var limit = new Option<int>("--limit") { Description = "How many clusters to show.", DefaultValueFactory = _ => 20 };
        var command = new Command("dups", "Duplicate clusters: the original (earliest) and its exact, near and partial copies.") { db, limit };
        command.SetAction(parsed =>
        {
            int count = parsed.GetValue(limit);
            if (count <= 0)
            {
                error.WriteLine($"kabar: --limit must be at least 1, not {count}");
                return ExitCodes.Usage;
            }

            return DatabaseOption.WithStore(parsed.GetValue(db)!, error, store =>
            {
                IReadOnlyList<DuplicateMember> members = store.DuplicateClusters(count);
                if (members.Count == 0)
                {
                    output.WriteLine("no duplicate clusters");
                }

                foreach (IGrouping<long, DuplicateMember> cluster in members.GroupBy(m => m.Cluster))
                {
                    output.WriteLine($"cluster {cluster.Key} ({cluster.Count()} articles)");
                    foreach (DuplicateMember m in cluster)
                    {
                        output.WriteLine($"  #{m.Id} {m.Relation,-17} {m.Outlet ?? "-",-20} {m.Published ?? "-",-10} {m.Origin}");
                    }
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }
}
