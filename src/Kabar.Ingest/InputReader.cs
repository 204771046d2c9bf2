using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kabar.Storage;

namespace Kabar.Ingest;

/// <summary>
/// Reads articles from paths: a <c>.txt</c> file is one article (a <c>.json</c> file of the same name beside it may
/// give url, title, outlet, published); a <c>.jsonl</c> file holds one article a line (fields id, url, title, text,
/// outlet, published; other fields kept); a directory is read recursively in ordinal path order; <c>-</c> is standard
/// input, JSONL when it starts with '{', otherwise one article. Problems become items, so the rest is still read.
/// </summary>
public sealed class InputReader(Func<Stream> standardInput)
{
    private static readonly string[] s_known = ["id", "url", "title", "text", "outlet", "published"];

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
            .Where(f => f.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        return files.SelectMany(ReadFile);
    }

    private static IEnumerable<InputItem> ReadFile(string path)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJsonl(path, () => File.OpenRead(path));
        }

        return [ReadText(path)];
    }

    private static InputItem ReadText(string path)
    {
        (byte[]? raw, string? unreadable) = RawFile.Read(path);
        if (raw is null)
        {
            return InputItem.Error(unreadable!);
        }

        try
        {
            string sidecar = Path.ChangeExtension(path, ".json");
            if (!File.Exists(sidecar))
            {
                return InputItem.Article(new ArticleSource(path), raw);
            }

            (JsonObject? fields, string? problem) = ParseObject(File.ReadAllText(sidecar));
            return fields is null
                ? InputItem.Article(new ArticleSource(path), raw) with { Problem = $"{sidecar}: ignored: {problem}" }
                : InputItem.Article(Source(path, fields), raw);
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
        yield return InputItem.Article(new ArticleSource("-"), all.ToArray());
    }

    private static IEnumerable<InputItem> ReadJsonl(string name, Func<Stream> open)
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

            if (fields["text"] is not JsonValue textValue || !textValue.TryGetValue(out string? text) || string.IsNullOrWhiteSpace(text))
            {
                yield return InputItem.Error($"{origin}: no \"text\" string");
                continue;
            }

            yield return InputItem.Article(Source(origin, fields), Encoding.UTF8.GetBytes(text));
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

    private static ArticleSource Source(string origin, JsonObject fields)
    {
        string? Field(string name) => fields[name] is JsonValue v && v.TryGetValue(out string? s) && !string.IsNullOrWhiteSpace(s) ? s : null;
        var extra = new JsonObject();
        foreach ((string key, JsonNode? value) in fields.Where(f => !s_known.Contains(f.Key)))
        {
            extra[key] = value?.DeepClone();
        }

        return new ArticleSource(origin, Field("id"), Field("url"), Field("title"), Field("outlet"), Field("published"),
            extra.Count == 0 ? null : extra.ToJsonString());
    }
}
