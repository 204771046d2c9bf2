using System.Globalization;
using System.IO.Compression;
using System.Text;
using Kabar.Storage;

namespace Kabar.Ingest;

/// <summary>
/// Streams web pages out of a WARC file (<c>.warc</c>, or <c>.warc.gz</c> with one gzip member a record): every
/// <c>response</c> record whose HTTP status is 200 and whose body is HTML becomes a page, its body decoded from the
/// transfer and content encodings, its charset taken from the HTTP header, its address from <c>WARC-Target-URI</c>.
/// Other records (requests, metadata, images, redirects) are passed over. A malformed or truncated record ends the
/// file with one line naming the record and its offset; the pages before it are kept.
/// </summary>
public static class WarcReader
{
    private const int MaxHeaderBytes = 64 * 1024;

    public static bool IsWarc(string path) =>
        path.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<InputItem> Read(string path)
    {
        Stream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [InputItem.Error($"{path}: cannot be read: {e.Message}")];
        }

        return Records(path, file);
    }

    private static IEnumerable<InputItem> Records(string path, Stream file)
    {
        using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        var reader = new CountingReader(input);
        for (int number = 1; ; number++)
        {
            long offset = reader.Position;
            (InputItem? item, bool more) = Next(path, reader, number, offset);
            if (item is not null)
            {
                yield return item;
            }

            if (!more)
            {
                yield break;
            }
        }
    }

    private static (InputItem?, bool More) Next(string path, CountingReader reader, int number, long offset)
    {
        string where = $"{path}: record {number} at offset {offset:N0}";
        try
        {
            string? version = reader.ReadLine();
            while (version is { Length: 0 })
            {
                version = reader.ReadLine();
            }

            if (version is null)
            {
                return (null, false);
            }

            if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            {
                return (InputItem.Error($"{where}: not a WARC record (starts with \"{Shorten(version)}\")"), false);
            }

            Dictionary<string, string> warc = ReadHeaders(reader);
            if (!warc.TryGetValue("content-length", out string? lengthText) || !long.TryParse(lengthText, CultureInfo.InvariantCulture, out long length) || length < 0)
            {
                return (InputItem.Error($"{where}: no valid Content-Length"), false);
            }

            bool wanted = warc.GetValueOrDefault("warc-type") == "response"
                && warc.GetValueOrDefault("content-type", "").StartsWith("application/http", StringComparison.OrdinalIgnoreCase);
            if (!wanted || length > Limits.MaxPageBytes + MaxHeaderBytes)
            {
                reader.Skip(length);
                return (length > Limits.MaxPageBytes + MaxHeaderBytes && wanted
                    ? InputItem.Error($"{where}: response of {length:N0} bytes is over the {Limits.MaxPageBytes:N0}-byte page limit; skipped")
                    : null, true);
            }

            byte[] block = reader.ReadExactly(length);
            string uri = warc.GetValueOrDefault("warc-target-uri", "").Trim('<', '>');

            // The record id makes re-ingesting the same crawl idempotent; the origin names file and record.
            return (Page(block, new ArticleSource($"{path}#{number}", ExternalId: warc.GetValueOrDefault("warc-record-id"), Url: uri.Length > 0 ? uri : null,
                Format: ArticleFormat.Html), where), true);
        }
        catch (EndOfStreamException)
        {
            return (InputItem.Error($"{where}: truncated; the pages before it are kept"), false);
        }
        catch (InvalidDataException e)
        {
            return (InputItem.Error($"{where}: malformed ({e.Message}); the pages before it are kept"), false);
        }
        catch (IOException e)
        {
            return (InputItem.Error($"{where}: cannot be read: {e.Message}; the pages before it are kept"), false);
        }
    }

    // An HTTP response: status line, headers, body. Only a 200 with an HTML body is a page.
    private static InputItem? Page(byte[] block, ArticleSource source, string where)
    {
        string uri = source.Url ?? "";
        var http = new CountingReader(new MemoryStream(block));
        string? status = http.ReadLine();
        string[] parts = status?.Split(' ', 3) ?? [];
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal) || parts[1] != "200")
        {
            return null;
        }

        Dictionary<string, string> headers = ReadHeaders(http);
        string contentType = headers.GetValueOrDefault("content-type", "");
        if (!contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        byte[] body = block[(int)http.Position..];
        try
        {
            if (headers.GetValueOrDefault("transfer-encoding", "").Contains("chunked", StringComparison.OrdinalIgnoreCase))
            {
                body = Dechunk(body);
            }

            body = Decode(body, headers.GetValueOrDefault("content-encoding", "").Trim().ToLowerInvariant());
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            return InputItem.Error($"{where}: {uri}: body cannot be decoded ({e.Message})");
        }

        if (body.Length > Limits.MaxPageBytes)
        {
            return InputItem.Error($"{where}: {uri}: page of {body.Length:N0} bytes is over the {Limits.MaxPageBytes:N0}-byte limit");
        }

        return InputItem.Article(source with { Charset = Kabar.Web.Html.HtmlDecoding.CharsetOf(contentType) }, body);
    }

    private static byte[] Decode(byte[] body, string encoding)
    {
        Stream? decoder = encoding switch
        {
            "gzip" or "x-gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            "deflate" => new ZLibStream(new MemoryStream(body), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            _ => null,
        };
        if (decoder is null)
        {
            return body;
        }

        using (decoder)
        {
            using var output = new MemoryStream();
            return Kabar.Web.Gzip.CopyAtMost(decoder, output, Limits.MaxPageBytes)
                ? output.ToArray()
                : throw new InvalidDataException($"expands past the {Limits.MaxPageBytes:N0}-byte limit");
        }
    }

    private static byte[] Dechunk(byte[] body)
    {
        var reader = new CountingReader(new MemoryStream(body));
        using var output = new MemoryStream();
        while (reader.ReadLine() is { } sizeLine)
        {
            string hex = sizeLine.Split(';')[0].Trim();
            if (hex.Length == 0)
            {
                continue;
            }

            int size = int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                break;
            }

            output.Write(reader.ReadExactly(size));
        }

        return output.ToArray();
    }

    private static Dictionary<string, string> ReadHeaders(CountingReader reader)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        long start = reader.Position;
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            if (reader.Position - start > MaxHeaderBytes)
            {
                throw new InvalidDataException($"headers longer than {MaxHeaderBytes:N0} bytes");
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        return headers;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>Reads lines and blocks from a stream that cannot seek (a gzip stream), counting bytes.</summary>
    private sealed class CountingReader(Stream stream)
    {
        private readonly BufferedStream _stream = new(stream, 65536);

        public long Position { get; private set; }

        /// <summary>A line without its CR LF (Latin-1, as headers are), or null at the end of the stream.</summary>
        public string? ReadLine()
        {
            var line = new StringBuilder();
            int b;
            while ((b = _stream.ReadByte()) >= 0)
            {
                Position++;
                if (b == '\n')
                {
                    return line.ToString().TrimEnd('\r');
                }

                if (line.Length > MaxHeaderBytes)
                {
                    throw new InvalidDataException($"a line longer than {MaxHeaderBytes:N0} bytes");
                }

                line.Append((char)b);
            }

            return line.Length > 0 ? throw new EndOfStreamException() : null;
        }

        public byte[] ReadExactly(long count)
        {
            byte[] block = new byte[count];
            _stream.ReadExactly(block);
            Position += count;
            return block;
        }

        public void Skip(long count)
        {
            byte[] buffer = new byte[81920];
            while (count > 0)
            {
                int read = _stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
                if (read == 0)
                {
                    throw new EndOfStreamException();
                }

                count -= read;
                Position += read;
            }
        }
    }
}
