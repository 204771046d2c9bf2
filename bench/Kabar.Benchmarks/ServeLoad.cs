using System.Diagnostics;
using System.Globalization;
using Kabar.Server;
using Kabar.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kabar.Benchmarks;

/// <summary>
/// <c>serve-load DB [CLIENTS] [SECONDS]</c>: a bounded load test of <c>kabar serve</c> on loopback. The server runs
/// in this process over DB; CLIENTS concurrent clients (default 50) each send one request after another for SECONDS
/// (default 30) per scenario: the stories page, a story page, a compare page, a search page (the pages, not the API:
/// they do the most work). Targets are drawn from the store: its largest recent stories, pairs of their members, and
/// words of stored titles. Prints requests/s and p50/p95/p99/max latency per scenario, and the process's peak memory.
/// Client and server share the machine's cores, as a load generator on the same host would.
/// </summary>
public static class ServeLoad
{
    public static async Task<int> Run(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: serve-load DB [CLIENTS] [SECONDS]");
            return 2;
        }

        string database = args[0];
        int clients = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var duration = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30);

        var opening = Stopwatch.StartNew();
        (string[] lists, string[] stories, string[] compares, string[] searches, long articles) = Targets(database);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{articles:N0} articles; store opened (and brought up to date) in {opening.Elapsed.TotalSeconds:0.0} s; {clients} clients, {duration.TotalSeconds:0} s a scenario"));

        WebApplication app = KabarServer.Build(new ServerOptions(database, "http://127.0.0.1:0"));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };

        Console.WriteLine("scenario        requests  req/s    p50 ms   p95 ms   p99 ms   max ms  errors");
        await Scenario(client, "stories list", lists, clients, duration);
        await Scenario(client, "story page", stories, clients, duration);
        await Scenario(client, "compare page", compares, clients, duration);
        await Scenario(client, "search page", searches, clients, duration);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
        await app.StopAsync();
        return 0;
    }

    private static (string[] Lists, string[] Stories, string[] Compares, string[] Searches, long Articles) Targets(string database)
    {
        using SqliteArticleStore store = SqliteArticleStore.Open(database);
        IReadOnlyList<StorySummary> big = store.Stories(null, null, null, minSize: 3, limit: 200);
        string[] stories = [.. big.Select(s => $"/stories/{s.Id}")];
        string[] compares = [.. big.Select(s => store.StoryMembers(s.Id)).Select(m => $"/compare?a={m[0].Id}&b={m[1].Id}")];
        var random = new Random(7);
        long last = store.LastId();
        var words = new List<string>();
        while (words.Count < 200)
        {
            string? title = store.Details(random.NextInt64(1, last + 1))?.Title;
            string[] candidates = title?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 5 && w.All(char.IsLetter)).ToArray() ?? [];
            if (candidates.Length >= 2)
            {
                // One word, or two: a reader's searches are short.
                words.Add(words.Count % 2 == 0 ? candidates[0] : $"{candidates[0]} {candidates[1]}");
            }
        }

        // The first page, the second, and one outlet's stories.
        string[] lists = ["/", "/?offset=30", "/?outlet=" + Uri.EscapeDataString(store.Details(1)?.Outlet ?? "none")];
        return (lists, stories, compares, [.. words.Select(w => "/search?q=" + Uri.EscapeDataString(w))], store.GetStats().Articles);
    }

    private static async Task Scenario(HttpClient client, string name, string[] paths, int clients, TimeSpan duration)
    {
        await Load(client, paths, clients, TimeSpan.FromSeconds(3)); // warm-up: caches, JIT, connections
        (List<double> times, int errors) = await Load(client, paths, clients, duration);
        times.Sort();
        double P(double p) => times.Count == 0 ? 0 : times[Math.Min(times.Count - 1, (int)(p * times.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-15} {times.Count,8} {times.Count / duration.TotalSeconds,6:0.0} {P(0.50),8:0.0} {P(0.95),8:0.0} {P(0.99),8:0.0} {(times.Count == 0 ? 0 : times[^1]),8:0.0} {errors,7}"));
    }

    private static async Task<(List<double> Times, int Errors)> Load(HttpClient client, string[] paths, int clients, TimeSpan duration)
    {
        var stop = Stopwatch.StartNew();
        int errors = 0;
        List<double>[] perClient = [.. Enumerable.Range(0, clients).Select(_ => new List<double>())];
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var random = new Random(c);
            while (stop.Elapsed < duration)
            {
                long start = Stopwatch.GetTimestamp();
                using HttpResponseMessage response = await client.GetAsync(paths[random.Next(paths.Length)]);
                await response.Content.ReadAsByteArrayAsync();
                perClient[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return ([.. perClient.SelectMany(t => t)], errors);
    }
}
