using System.Diagnostics;
using System.Globalization;
using Kabar.Dedup;
using Kabar.Storage;
using Kabar.Storage.Sqlite;

namespace Kabar.Benchmarks;

/// <summary>
/// <c>lookup DB [N]</c>: the latency of one near-duplicate look-up against an existing store, as ingest does it:
/// the duplicate keys (32 LSH bands and the fingerprints) in one query, then reading and verifying (exact Jaccard) every candidate. The queries are N stored
/// articles spread evenly over the store, each with one word in 60 changed, so every look-up finds at least its
/// source. Prints p50, p99 and the maximum.
/// </summary>
public static class LookupLatency
{
    public static int Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: lookup DB [N]");
            return 2;
        }

        int count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        using SqliteArticleStore store = SqliteArticleStore.Open(args[0]);
        long last = store.LastId();
        var queries = new List<(ulong[] Set, ulong[] Sequence)>();
        for (long i = 1; queries.Count < count && i <= count; i++)
        {
            string words = store.GetWords(Math.Max(1, i * last / count));
            if (words.Length > 0)
            {
                ulong[] sequence = Shingles.InOrder(Edit(words));
                queries.Add((Shingles.Set(sequence), sequence));
            }
        }

        // One untimed pass first: the figures are for a store whose pages are in memory, as during a long ingest.
        int found = queries.Count(q => Lookup(store, q).Near), candidates = 0;
        double[] times = new double[queries.Count];
        for (int q = 0; q < queries.Count; q++)
        {
            long start = Stopwatch.GetTimestamp();
            candidates += Lookup(store, queries[q]).Candidates;
            times[q] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{queries.Count} look-ups into {last:N0} articles: p50 {Percentile(times, 0.50):0.00} ms, p99 {Percentile(times, 0.99):0.00} ms, max {times[^1]:0.00} ms; {(double)candidates / queries.Count:0.0} candidates verified per look-up, {found} found a near copy"));
        return 0;
    }

    private static (bool Near, int Candidates) Lookup(SqliteArticleStore store, (ulong[] Set, ulong[] Sequence) query)
    {
        bool near = false;
        int candidates = 0;
        foreach (long candidate in store.FindByKeys(Ingester.DuplicateKeys(query.Sequence), Ingester.MaxCandidates))
        {
            candidates++;
            near |= Shingles.Jaccard(query.Set, Shingles.Of(store.GetWords(candidate))) >= Ingester.NearJaccard;
        }

        return (near, candidates);
    }

    // Replaces every 60th word, a light edit that keeps the article a near copy of its source.
    private static string Edit(string words)
    {
        string[] split = words.Split(' ');
        for (int i = 30; i < split.Length; i += 60)
        {
            split[i] = "suntingan";
        }

        return string.Join(' ', split);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
