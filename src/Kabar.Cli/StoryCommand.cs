using System.CommandLine;
using System.Text.Json;
using Kabar.Cli.Reports;
using Kabar.Pipeline;
using Kabar.Reports;
using Kabar.Stories;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Web.Html;

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
                var articles = new StoredArticles(store, new ArticleReader(NewsPipeline.Default, HtmlPages.Default));
                if (parsed.GetValue(compare) is { Length: 2 } pair)
                {
                    return Compare(articles, storyId, pair[0], pair[1], output, error);
                }

                if (StoryReport.Build(articles, storyId) is not { } report)
                {
                    error.WriteLine($"kabar: no story #{storyId}; 'kabar stories' lists them");
                    return ExitCodes.BadInput;
                }

                StorySummary story = report.Story;
                if (parsed.GetValue(json))
                {
                    output.WriteLine(JsonSerializer.Serialize(new
                    {
                        story,
                        members = report.Members.Select(x => new
                        {
                            x.Article.Id, x.Article.Outlet, x.Article.Published, x.Article.Title, x.Article.Origin,
                            role = x.Role.Role.ToString(), x.Role.Of, x.Role.Detail, x.Article.Score, x.Article.Reason,
                        }),
                    }, JsonOptions.Indented));
                    return ExitCodes.Success;
                }

                output.WriteLine($"story #{story.Id}: {story.Title ?? "(untitled)"}");
                output.WriteLine($"{StoriesCommand.Count(story.Size, "article")} from {StoriesCommand.Count(story.Outlets.Count, "outlet")}, {story.DaysText()}");
                output.WriteLine();
                foreach ((StoryMember m, MemberRole r) in report.Members)
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

    private static int Compare(StoredArticles articles, long storyId, long a, long b, TextWriter output, TextWriter error)
    {
        if (articles.Store.Story(storyId) is null)
        {
            error.WriteLine($"kabar: no story #{storyId}; 'kabar stories' lists them");
            return ExitCodes.BadInput;
        }

        IReadOnlyList<StoryMember> members = articles.Store.StoryMembers(storyId);
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

        new TerminalReport(output, color: false).Write(articles.Compare(a, b)!);
        return ExitCodes.Success;
    }
}
