using System.Diagnostics;
using System.Globalization;
using System.Text;
using Kabar.Comparison;
using Kabar.Pipeline;

namespace Kabar.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Kabar.Benchmarks -- e2e [words] [runs]</c>: processes and compares a
/// generated pair of articles from raw bytes, as <c>kabar compare</c> does, and prints the time per compare,
/// documents per second and the process's peak memory.
/// </summary>
public static class EndToEnd
{
    public static int Run(string[] args)
    {
        int words = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        (string a, string b) = ArticlePairGenerator.Create(words);
        byte[] bytesA = Encoding.UTF8.GetBytes(a), bytesB = Encoding.UTF8.GetBytes(b);

        int Once()
        {
            Article x = NewsPipeline.Default.Process("a", bytesA).Value!;
            Article y = NewsPipeline.Default.Process("b", bytesB).Value!;
            return ArticleComparer.Default.Compare(x, y).Alignments.Count;
        }

        var first = Stopwatch.StartNew();
        int aligned = Once();
        first.Stop();
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < runs; i++)
        {
            Once();
        }

        watch.Stop();
        double perCompare = watch.Elapsed.TotalMilliseconds / runs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"e2e compare of two {words}-word articles ({aligned} aligned pairs): first run {first.Elapsed.TotalMilliseconds:0.0} ms, " +
            $"then {perCompare:0.00} ms per compare over {runs} runs = {2 * 1000 / perCompare:0} docs/s; peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
        return 0;
    }
}
