using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kabar.Storage;

namespace Kabar.Ingest;

/// <summary>
/// Reads articles from paths: a <c>.txt</c> file is one article and an <c>.html</c> or <c>.htm</c> file (gzipped or
/// not) one web page, and a <c>.warc</c> or <c>.warc.gz</c> file every HTML page it archived (a <c>.json</c> file of the same name beside either may give url, title, outlet, published); a
/// <c>.jsonl</c> file holds one article a line (fields id, url, title, outlet, published, and text or html; other
/// fields kept); a directory is read recursively in ordinal path order; <c>-</c> is standard input, JSONL when it
/// starts with '{', a web page when it starts with '&lt;', otherwise one article. Problems become items, so the rest is still read.
/// </summary>
public sealed class InputReader(Func<Stream> standardInput)
{
    private static readonly string[] s_known = ["id", "url", "title", "text", "html", "outlet", "published"];

    private static readonly string[] s_pageEndings = [".html", ".htm", ".html.gz", ".htm.gz"];

    /// <summary>Every article and problem of <paramref name="paths"/>, in order.</summary>
    public IEnumerable<InputItem> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (string path in paths)
        {
            IEnumerable<InputItem> items = path == "-" ? ReadStandardInput()
                : Directory.Exists(path) ? ReadDirectory(path)
                : File.Exists(path) ? ReadFile(path)
                : [InputItem.Error($"{path}: no such file or directory")];
            foreach (InputItem item in items)
            {
                yield return item;
            }
        }
    }

    private IEnumerable<InputItem> ReadDirectory(string directory)
    {
        IEnumerable<string> files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || IsPage(f) || WarcReader.IsWarc(f))
            .Order(StringComparer.Ordinal);
        return files.SelectMany(ReadFile);
    }

    private static IEnumerable<InputItem> ReadFile(string path)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJsonl(path, () => File.OpenRead(path));
        }

        if (WarcReader.IsWarc(path))
        {
            return WarcReader.Read(path);
        }

        return [IsPage(path) ? ReadPage(path) : ReadText(path)];
    }

    private static InputItem ReadText(string path)
    {
        (byte[]? raw, string? unreadable) = RawFile.Read(path);
        return raw is null ? InputItem.Error(unreadable!) : WithSidecar(path, raw, ArticleFormat.Text, path);
    }

    private static bool IsPage(string path) => s_pageEndings.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    // A page is stored as its HTML: a gzipped file is expanded first (within the page limit).
    private static InputItem ReadPage(string path)
    {
        (byte[]? raw, string? unreadable) = RawFile.ReadPage(path);
        if (raw is null)
        {
            return InputItem.Error(unreadable!);
        }

        string stem = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return WithSidecar(path, raw, ArticleFormat.Html, stem);
    }

    // "a.txt", "a.html" and "a.html.gz" take their metadata from "a.json" when it exists.
    private static InputItem WithSidecar(string path, byte[] raw, ArticleFormat format, string stem)
    {
        try
        {
            string sidecar = Path.ChangeExtension(stem, ".json");
            var plain = new ArticleSource(path, Format: format);
            if (!File.Exists(sidecar))
            {
                return InputItem.Article(plain, raw);
            }

            (JsonObject? fields, string? problem) = ParseObject(File.ReadAllText(sidecar));
            return fields is null
                ? InputItem.Article(plain, raw) with { Problem = $"{sidecar}: ignored: {problem}" }
                : InputItem.Article(Source(path, fields) with { Format = format }, raw);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return InputItem.Error($"{path}: cannot be read: {e.Message}");
        }
    }

    private IEnumerable<InputItem> ReadStandardInput()
    {
        using var buffered = new BufferedStream(standardInput());
        int first = buffered.ReadByte();
        while (first is ' ' or '\n' or '\r' or '\t')
        {
            first = buffered.ReadByte();
        }

        if (first == '{')
        {
            var prefixed = new MemoryStream();
            prefixed.WriteByte((byte)'{');
            buffered.CopyTo(prefixed);
            prefixed.Position = 0;
            foreach (InputItem item in ReadJsonl("-", () => prefixed))
            {
                yield return item;
            }

            yield break;
        }

        var all = new MemoryStream();
        if (first >= 0)
        {
            all.WriteByte((byte)first);
        }

        buffered.CopyTo(all);
        // A page piped in ("curl … | kabar ingest -") starts with '<'; text articles do not.
        yield return InputItem.Article(new ArticleSource("-", Format: first == '<' ? ArticleFormat.Html : ArticleFormat.Text), all.ToArray());
    }

    /// <summary>The articles of a JSON Lines stream, each named <c>NAME:LINE</c>; a bad line becomes a problem item and the rest is read.</summary>
    public static IEnumerable<InputItem> ReadJsonl(string name, Func<Stream> open)
    {
        using var reader = new StreamReader(open(), new UTF8Encoding(false, throwOnInvalidBytes: false));
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string origin = $"{name}:{lineNumber}";
            if (Encoding.UTF8.GetByteCount(line) > Limits.MaxDocumentBytes)
            {
                yield return InputItem.Error($"{origin}: line {ErrorMessages.TooLarge(Encoding.UTF8.GetByteCount(line), Limits.MaxDocumentBytes)}");
                continue;
            }

            (JsonObject? fields, string? problem) = ParseObject(line);
            if (fields is null)
            {
                yield return InputItem.Error($"{origin}: {problem}");
                continue;
            }

            // A line carries the article's text, or the web page it is in.
            (string? text, ArticleFormat format) = StringField(fields, "text") is { } t ? (t, ArticleFormat.Text) : (StringField(fields, "html"), ArticleFormat.Html);
            if (text is null)
            {
                yield return InputItem.Error($"{origin}: no \"text\" or \"html\" string");
                continue;
            }

            yield return InputItem.Article(Source(origin, fields) with { Format = format }, Encoding.UTF8.GetBytes(text));
        }
    }

    private static (JsonObject?, string?) ParseObject(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject o ? (o, null) : (null, "not a JSON object");
        }
        catch (JsonException e)
        {
            return (null, $"malformed JSON: {e.Message.Split('\n')[0]}");
        }
    }

    private static string? StringField(JsonObject fields, string name) =>
        fields[name] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;

    private static ArticleSource Source(string origin, JsonObject fields)
    {
        string? Field(string name) => StringField(fields, name);
        var extra = new JsonObject();
        foreach ((string key, JsonNode? value) in fields.Where(f => !s_known.Contains(f.Key)))
        {
            extra[key] = value?.DeepClone();
        }

        return new ArticleSource(origin, Field("id"), Field("url"), Field("title"), Field("outlet"), Field("published"),
            extra.Count == 0 ? null : extra.ToJsonString());
    }
}
