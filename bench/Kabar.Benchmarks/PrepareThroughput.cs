using System.Diagnostics;
using System.Globalization;
using Kabar.Ingest;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Storage.Sqlite;

namespace Kabar.Benchmarks;

/// <summary>
/// <c>prepare FILE [N]</c>: the store-free share of ingesting — decoding, cleaning, metadata, language, story words,
/// shingles, duplicate keys, story features (<see cref="Ingester.Prepare"/>) — over the first N inputs of FILE, on one
/// core and then on all of them. This bounds what <c>kabar ingest</c> can reach on the machine however fast the store is.
/// </summary>
public static class PrepareThroughput
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: prepare FILE [N]");
            return 2;
        }

        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
        InputItem[] inputs = [.. new InputReader(() => Stream.Null).Read([args[0]]).Where(i => i.Raw is not null).Take(count)];
        string db = Path.Combine(Path.GetTempPath(), $"kabar-prepare-{Environment.ProcessId}.db");
        try
        {
            using SqliteArticleStore store = SqliteArticleStore.Open(db);
            var ingester = new Ingester(NewsPipeline.Default, store);
            Prepare(ingester, inputs, 1);
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            Report("one core", Prepare(ingester, inputs, 1), inputs.Length);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / inputs.Length:0} KB an article"));
            Report($"{Environment.ProcessorCount} cores", Prepare(ingester, inputs, Environment.ProcessorCount), inputs.Length);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(db);
        }

        return 0;
    }

    private static TimeSpan Prepare(Ingester ingester, InputItem[] inputs, int threads)
    {
        var watch = Stopwatch.StartNew();
        Parallel.For(0, inputs.Length, new ParallelOptions { MaxDegreeOfParallelism = threads },
            i => ingester.Prepare(inputs[i].Source!, inputs[i].Raw!));
        return watch.Elapsed;
    }

    private static void Report(string where, TimeSpan elapsed, int count) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prepared {count} inputs on {where} in {elapsed.TotalSeconds:0.00} s: {count / elapsed.TotalSeconds:0} articles/s, {elapsed.TotalMilliseconds / count:0.000} ms each"));
}
