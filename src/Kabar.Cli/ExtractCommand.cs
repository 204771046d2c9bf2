using System.CommandLine;
using System.Text.Json;
using Kabar.Ingest;
using Kabar.Web.Html;

namespace Kabar.Cli;

/// <summary><c>kabar extract FILE… [--format text|json] [--url URL]</c>: the article and metadata of web pages.</summary>
internal static class ExtractCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var files = new Argument<string[]>("files") { Description = "HTML pages (.html, .htm, or gzipped .gz).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text: the article text; json: one JSON line a page, the text with its metadata.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var url = new Option<string?>("--url") { Description = "The page's address, when the file does not say (site name, last-resort date)." };
        var command = new Command("extract", "The article text of web pages, with title, dates, authors, site, canonical URL and language.") { files, format, url };
        command.SetAction(parsed =>
        {
            string[] paths = parsed.GetValue(files)!;
            bool json = parsed.GetValue(format) == "json";
            int extracted = 0;
            foreach (string path in paths)
            {
                Result<ExtractedPage> page = Extract(path, parsed.GetValue(url));
                if (!page.IsSuccess)
                {
                    error.WriteLine($"kabar: {page.Rejection.Message}");
                    continue;
                }

                extracted++;
                if (json)
                {
                    PageMetadata m = page.Value.Metadata;
                    output.WriteLine(JsonSerializer.Serialize(new
                    {
                        File = path,
                        m.Title,
                        m.Published,
                        m.PublishedFrom,
                        m.Modified,
                        m.Authors,
                        m.Site,
                        m.CanonicalUrl,
                        m.Language,
                        m.NextPage,
                        page.Value.Encoding,
                        page.Value.Text,
                    }, JsonOptions.Lines));
                }
                else
                {
                    if (paths.Length > 1)
                    {
                        output.WriteLine($"==> {path} <==");
                    }

                    output.WriteLine(page.Value.Text);
                }
            }

            return extracted > 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }

    /// <summary>Reads, expands (when gzipped) and extracts one page file.</summary>
    public static Result<ExtractedPage> Extract(string path, string? url)
    {
        (byte[]? raw, string? problem) = RawFile.ReadPage(path);
        if (raw is null)
        {
            return Result<ExtractedPage>.Failure(RejectionReason.Undecodable, problem!);
        }

        Result<ExtractedPage> page = HtmlExtractor.Extract(raw, url);
        return page.IsSuccess ? page : Result<ExtractedPage>.Failure(page.Rejection.Reason, $"{path}: {page.Rejection.Message}");
    }
}
