using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Kabar.Storage.Sqlite;

namespace Kabar.Cli;

/// <summary><c>kabar export --format jsonl|csv [--output FILE]</c>: every stored article with its duplicate cluster and story.</summary>
internal static class ExportCommand
{
    private static readonly string[] s_columns =
    [
        "id", "origin", "external_id", "url", "title", "outlet", "published", "language", "duplicate_cluster", "duplicate_of",
        "near_of", "near_kind", "similarity", "story", "story_score", "story_reason", "text",
    ];

    public static Command Create(TextWriter output, TextWriter error)
    {
        Option<string> db = DatabaseOption.Create();
        var format = new Option<string>("--format") { Description = "jsonl (one JSON object a line) or csv (RFC 4180, with a header).", Required = true };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var file = new Option<string>("--output") { Description = "Where to write (default: standard output).", DefaultValueFactory = _ => "-" };
        var command = new Command("export", "Export every stored article (cleaned text, metadata, duplicate cluster and story ids).") { db, format, file };
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(file)!;
            bool csv = parsed.GetValue(format) == "csv";
            return DatabaseOption.WithStore(parsed.GetValue(db)!, error, store =>
            {
                TextWriter? opened = null;
                try
                {
                    TextWriter writer = path == "-" ? output : opened = new StreamWriter(path, append: false, new UTF8Encoding(false));
                    long count = 0;
                    if (csv)
                    {
                        writer.Write(string.Join(",", s_columns) + "\r\n");
                    }

                    foreach (ExportedArticle a in store.Export())
                    {
                        writer.Write(csv ? CsvLine(a) : JsonSerializer.Serialize(a, JsonOptions.Lines) + "\n");
                        count++;
                    }

                    opened?.Dispose();
                    if (opened is not null)
                    {
                        output.WriteLine($"exported {count} articles to {path}");
                    }

                    return ExitCodes.Success;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    opened?.Dispose();
                    error.WriteLine($"kabar: {path}: cannot write: {e.Message}");
                    return ExitCodes.OutputFailed;
                }
            });
        });
        return command;
    }

    private static string CsvLine(ExportedArticle a)
    {
        object?[] values =
        [
            a.Id, a.Origin, a.ExternalId, a.Url, a.Title, a.Outlet, a.Published, a.Language, a.DuplicateCluster, a.DuplicateOf,
            a.NearOf, a.NearKind, a.Similarity, a.Story, a.StoryScore, a.StoryReason, a.Text,
        ];
        return string.Join(",", values.Select(v => Field(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""))) + "\r\n";
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
