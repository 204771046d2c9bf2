using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Kabar.Ingest;
using Kabar.Web;
using Kabar.Web.Html;

namespace Kabar.Benchmarks;

/// <summary>
/// <c>web DIR [ROUNDS]</c>: throughput of the web inputs on real pages, the article-extraction benchmark's
/// (<c>DIR/html/*.html.gz</c>, read at run time): HTML extraction on one core (pages/s, MB/s), then a gzipped WARC of
/// the same pages written to a temporary file and read back by <see cref="WarcReader"/> (MB/s).
/// </summary>
public static class WebThroughput
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !Directory.Exists(Path.Combine(args[0], "html")))
        {
            Console.Error.WriteLine("usage: web DIR [ROUNDS]   (DIR holds html/*.html.gz, e.g. ../shared/data/article-extraction)");
            return 2;
        }

        int rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        List<byte[]> pages = [.. Directory.EnumerateFiles(Path.Combine(args[0], "html"), "*.html.gz").Order(StringComparer.Ordinal)
            .Select(f => Gzip.Expand(File.ReadAllBytes(f), f).Value!)];
        long bytes = pages.Sum(p => (long)p.Length);
        pages.ForEach(p => HtmlExtractor.Extract(p));  // warm-up: JIT, regexes

        var watch = Stopwatch.StartNew();
        for (int r = 0; r < rounds; r++)
        {
            pages.ForEach(p => HtmlExtractor.Extract(p));
        }

        watch.Stop();
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"HTML extraction, one core: {pages.Count * rounds} pages ({bytes / 1e6:0.0} MB × {rounds}) in {seconds:0.00} s = {pages.Count * rounds / seconds:0} pages/s, {bytes * rounds / 1e6 / seconds:0.0} MB/s; mean page {bytes / pages.Count / 1024:0} KiB"));

        string warc = Path.Combine(Path.GetTempPath(), $"kabar-bench-{Environment.ProcessId}.warc.gz");
        try
        {
            using (FileStream file = File.Create(warc))
            {
                for (int r = 0; r < rounds; r++)
                {
                    for (int i = 0; i < pages.Count; i++)
                    {
                        using var member = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true);
                        member.Write(Record($"https://bench.example/{r}/{i}", pages[i]));
                    }
                }
            }

            long compressed = new FileInfo(warc).Length;
            watch.Restart();
            int read = WarcReader.Read(warc).Count(item => item.Raw is not null);
            watch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"WARC reading (.warc.gz, a gzip member a record): {read} pages, {compressed / 1e6:0.0} MB compressed / {bytes * rounds / 1e6:0.0} MB of pages in {watch.Elapsed.TotalSeconds:0.00} s = {compressed / 1e6 / watch.Elapsed.TotalSeconds:0.0} MB/s compressed, {bytes * rounds / 1e6 / watch.Elapsed.TotalSeconds:0.0} MB/s of pages"));
        }
        finally
        {
            File.Delete(warc);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB"));
        return 0;
    }

    private static byte[] Record(string uri, byte[] page)
    {
        byte[] http = [.. Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"), .. page];
        string header = $"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:bench:{uri}>\r\n" +
            $"Content-Type: application/http; msgtype=response\r\nContent-Length: {http.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(header), .. http, .. "\r\n\r\n"u8];
    }
}
