using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Kabar.Storage.Sqlite;

namespace Kabar.Cli;

/// <summary><c>kabar stories [--since DAY] [--until DAY] [--outlet NAME] [--min-size N] [--limit N] [--json]</c>.</summary>
internal static class StoriesCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        Option<string> db = DatabaseOption.Create();
        var since = new Option<string?>("--since") { Description = "Only stories with an article on or after this day (YYYY-MM-DD)." };
        var until = new Option<string?>("--until") { Description = "Only stories with an article on or before this day (YYYY-MM-DD)." };
        var outlet = new Option<string?>("--outlet") { Description = "Only stories this outlet carried." };
        var minSize = new Option<int>("--min-size") { Description = "Only stories with at least this many articles.", DefaultValueFactory = _ => 1 };
        var limit = new Option<int>("--limit") { Description = "How many stories to show.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print the stories as JSON." };
        var command = new Command("stories", "Stories, newest first: size, outlets, first and last day, title.") { db, since, until, outlet, minSize, limit, json };
        command.SetAction(parsed =>
        {
            if (!TryDay(parsed.GetValue(since), "--since", error, out DateOnly? from) || !TryDay(parsed.GetValue(until), "--until", error, out DateOnly? to))
            {
                return ExitCodes.Usage;
            }

            if (parsed.GetValue(limit) <= 0 || parsed.GetValue(minSize) <= 0)
            {
                error.WriteLine("kabar: --limit and --min-size must be at least 1");
                return ExitCodes.Usage;
            }

            return DatabaseOption.WithStore(parsed.GetValue(db)!, error, store =>
            {
                IReadOnlyList<StorySummary> stories = store.Stories(from, to, parsed.GetValue(outlet), parsed.GetValue(minSize), parsed.GetValue(limit));
                if (parsed.GetValue(json))
                {
                    output.WriteLine(JsonSerializer.Serialize(stories, JsonOptions.Indented));
                    return ExitCodes.Success;
                }

                Print(output, stories);
                return ExitCodes.Success;
            });
        });
        return command;
    }

    /// <summary>One story a line (id, size, outlets, days, title), its outlets below.</summary>
    public static void Print(TextWriter output, IReadOnlyList<StorySummary> stories)
    {
        if (stories.Count == 0)
        {
            output.WriteLine("no stories");
        }

        foreach (StorySummary s in stories)
        {
            output.WriteLine($"#{s.Id,-6} {Count(s.Size, "article"),12} {Count(s.Outlets.Count, "outlet"),10}  {s.DaysText(),-23}  {s.Title ?? "(untitled)"}");
            if (s.Outlets.Count > 0)
            {
                output.WriteLine($"{"",8}{string.Join(", ", s.Outlets)}");
            }
        }
    }

    /// <summary>"1 article", "3 articles".</summary>
    public static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    private static bool TryDay(string? text, string option, TextWriter error, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed))
        {
            day = parsed;
            return true;
        }

        error.WriteLine($"kabar: {option} '{text}' is not a day like 2025-03-31");
        return false;
    }
}
