using System.CommandLine;
using System.Text.Json;
using Kabar.Cli.Reports;
using Kabar.Comparison;
using Kabar.Pipeline;
using Kabar.Stories;
using Kabar.Storage.Sqlite;

namespace Kabar.Cli;

/// <summary><c>kabar story ID [--compare A B] [--json]</c>: a story's members, who published first and who copied whom.</summary>
internal static class StoryCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var id = new Argument<long>("id") { Description = "The story id, as 'kabar stories' shows it." };
        Option<string> db = DatabaseOption.Create();
        var compare = new Option<long[]>("--compare") { Description = "Compare two members of the story, by article id.", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the story as JSON." };
        var command = new Command("story", "A story's articles with outlet, date and role: first published, exact copy, near copy, rewrite, independent report.")
        {
            id, db, compare, json,
        };
        command.SetAction(parsed =>
        {
            long storyId = parsed.GetValue(id);
            return DatabaseOption.WithStore(parsed.GetValue(db)!, error, store =>
            {
                if (store.Story(storyId) is not { } story)
                {
                    error.WriteLine($"kabar: no story #{storyId}; 'kabar stories' lists them");
                    return ExitCodes.BadInput;
                }

                IReadOnlyList<StoryMember> members = store.StoryMembers(storyId);
                if (parsed.GetValue(compare) is { Length: 2 } pair)
                {
                    return Compare(store, members, pair[0], pair[1], output, error);
                }

                var articles = new Dictionary<long, Article?>();
                Article? Load(long member) => articles.TryGetValue(member, out Article? a) ? a
                    : articles[member] = store.Get(member) is { } stored ? NewsPipeline.Default.Process(stored.Origin, stored.Raw).Value : null;
                IReadOnlyList<MemberRole> roles = StoryRoles.Assign(
                    [.. members.Select(m => new RoleInput(m.Id, StoryFeatures.ParseDay(m.Published), m.DuplicateOf, m.NearOf, m.NearKind, m.Similarity))],
                    (a, b) => Load(a) is { } x && Load(b) is { } y ? ArticleComparer.Default.Compare(x, y).SharedShareA : 0);

                if (parsed.GetValue(json))
                {
                    output.WriteLine(JsonSerializer.Serialize(new
                    {
                        story,
                        members = members.Zip(roles, (m, r) => new { m.Id, m.Outlet, m.Published, m.Title, m.Origin, role = r.Role.ToString(), r.Of, r.Detail, m.Score, m.Reason }),
                    }, JsonOptions.Indented));
                    return ExitCodes.Success;
                }

                output.WriteLine($"story #{story.Id}: {story.Title ?? "(untitled)"}");
                output.WriteLine($"{StoriesCommand.Count(story.Size, "article")} from {StoriesCommand.Count(story.Outlets.Count, "outlet")}, {StoriesCommand.Days(story.FirstDay, story.LastDay)}");
                output.WriteLine();
                foreach ((StoryMember m, MemberRole r) in members.Zip(roles))
                {
                    output.WriteLine($"  #{m.Id,-6} {m.Published?[..Math.Min(10, m.Published.Length)] ?? "-",-10}  {m.Outlet ?? "-",-20} {r.Detail}");
                    output.WriteLine($"  {"",7} {m.Title ?? m.Origin}");
                    if (m.Score is not null)
                    {
                        output.WriteLine($"  {"",7} joined: {m.Reason}");
                    }
                }

                return ExitCodes.Success;
            });
        });
        return command;
    }

    private static int Compare(SqliteArticleStore store, IReadOnlyList<StoryMember> members, long a, long b, TextWriter output, TextWriter error)
    {
        foreach (long member in new[] { a, b })
        {
            if (!members.Any(m => m.Id == member))
            {
                error.WriteLine($"kabar: article #{member} is not in this story");
                return ExitCodes.Usage;
            }
        }

        if (a == b)
        {
            error.WriteLine($"kabar: article #{a} given twice; compare two different members");
            return ExitCodes.Usage;
        }

        Article Load(long member)
        {
            (byte[] raw, _, string origin, _) = store.Get(member)!.Value;
            return NewsPipeline.Default.Process(origin, raw).Value!;
        }

        new TerminalReport(output, color: false).Write(CompareReport.From(ArticleComparer.Default.Compare(Load(a), Load(b))));
        return ExitCodes.Success;
    }
}
