using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kabar.Ingest;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Web.Html;

namespace Kabar.Cli;

/// <summary><c>kabar ingest PATH… [--db FILE]</c>: read articles into the store, finding exact duplicates.</summary>
internal static class IngestCommand
{
    // Inputs prepared (decoded, cleaned, hashed, featured) ahead of the store, in parallel. Each one waiting survives
    // collections until it is committed; 64 instead of 256 kept the same pace at a million articles with ~100 MB less
    // peak memory and ~0.4 s less of collections a 75,000-article run (docs/benchmarks.md).
    private const int PreparedAhead = 64;

    // Articles share a transaction until this many are written or --batch-seconds have passed: far faster than a
    // commit each, since a batch dirties each page of a random index (content hashes, ingest keys, stories) once for
    // all its articles, and at most this much work is redone after a crash. Larger batches outgrow the writer's page
    // cache.
    private const int BatchSize = 10_000;
    private const double DefaultBatchSeconds = 10, MaxBatchSeconds = 3600;

    // Corpus statistics are saved with the batch that follows this many articles, and at the end; after a crash the
    // articles since are counted again from their raw bytes.
    private const int CheckpointEvery = 20_000;

    public static Command Create(TextWriter output, TextWriter error, Func<Stream> standardInput)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files (.txt; .html, .htm, gzipped or not; .jsonl with text or html), directories, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        Option<string> db = DatabaseOption.Create();
        var showStories = new Option<bool>("--stories") { Description = "Then list the stories the inputs belong to, newest first." };
        var batchSeconds = new Option<double>("--batch-seconds")
        {
            Description = "Commit what is stored at least this often: sooner shows it to readers sooner and redoes less after a crash, later ingests faster.",
            DefaultValueFactory = _ => DefaultBatchSeconds,
        };
        var command = new Command("ingest", "Store articles (raw bytes, cleaned text, metadata), mark exact and near duplicates, group them into stories.") { paths, db, showStories, batchSeconds };
        command.SetAction(parsed =>
        {
            double seconds = parsed.GetValue(batchSeconds);
            if (seconds is not (> 0 and <= MaxBatchSeconds))
            {
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kabar: --batch-seconds must be more than 0 and at most {MaxBatchSeconds}, not {seconds}"));
                return ExitCodes.Usage;
            }

            TimeSpan batchTime = TimeSpan.FromSeconds(seconds);
            return DatabaseOption.WithStore(parsed.GetValue(db)!, error, store =>
            {
                Ingester ingester = DatabaseOption.Ingester(store, parsed.GetValue(db)!, error);
                var counts = new Dictionary<IngestOutcome, int>();
                var pending = new List<IngestResult>();
                HashSet<long> created = [], updated = [], touched = [];
                var rejectedBy = new SortedDictionary<string, int>(StringComparer.Ordinal);
                int problems = 0;
                var clock = Stopwatch.StartNew();
                TimeSpan lastCommit = TimeSpan.Zero;
                SqliteArticleStore.Batch batch = store.BeginBatch();

                int sinceCheckpoint = 0;

                // Outcomes count only once their batch is committed: an article reported as stored survives a crash.
                void Commit(bool last = false)
                {
                    sinceCheckpoint += pending.Count;
                    if (last || sinceCheckpoint >= CheckpointEvery)
                    {
                        ingester.Checkpoint();
                        sinceCheckpoint = 0;
                    }

                    batch.Commit();
                    foreach (IngestResult result in pending)
                    {
                        counts[result.Outcome] = counts.GetValueOrDefault(result.Outcome) + 1;
                        if (result.Story is not { } story)
                        {
                            continue;
                        }

                        touched.Add(story);
                        if (result.Outcome != IngestOutcome.AlreadyStored)
                        {
                            _ = result.StartedStory ? created.Add(story) : !created.Contains(story) && updated.Add(story);
                        }
                    }

                    pending.Clear();
                    lastCommit = clock.Elapsed;
                    batch = store.BeginBatch();
                }

                string[] inputs = parsed.GetValue(paths)!;
                var progress = new IngestProgress(error, InputBytes(inputs), terminal: ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
                foreach ((InputItem item, PreparedInput? prepared) in Prepared(new InputReader(standardInput).Read(inputs), ingester, store.OpenSettledKeyReader))
                {
                    if (item.Problem is not null)
                    {
                        progress.Clear();
                        error.WriteLine($"kabar: {item.Problem}");
                        problems++;
                    }

                    if (prepared is null)
                    {
                        continue;
                    }

                    IngestResult result = ingester.Commit(prepared);
                    pending.Add(result);
                    if (result.Rejection is { } rejection)
                    {
                        progress.Clear();
                        error.WriteLine($"kabar: {prepared.Source.Origin}: {rejection.Message}");
                        rejectedBy[rejection.Reason.ToString()] = rejectedBy.GetValueOrDefault(rejection.Reason.ToString()) + 1;
                    }

                    // After a merge of the duplicate keys, the candidates found ahead are stale until the batch commits.
                    if (pending.Count >= BatchSize || clock.Elapsed - lastCommit >= batchTime || batch.SettledKeysChanged)
                    {
                        Commit();
                    }

                    progress.Advance(prepared.Raw.Length, counts.Values.Sum(), clock.Elapsed);
                }

                Commit(last: true);
                progress.Clear();
                batch.Dispose();
                int read = counts.Values.Sum();
                string rejected = rejectedBy.Count == 0 ? "0" : $"{rejectedBy.Values.Sum()} ({string.Join(", ", rejectedBy.Select(r => $"{r.Key.ToLowerInvariant()} {r.Value}"))})";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingested {read} articles in {clock.Elapsed.TotalSeconds:0.0} s: {counts.GetValueOrDefault(IngestOutcome.Added)} new, " +
                    $"{counts.GetValueOrDefault(IngestOutcome.ExactDuplicate)} exact duplicates, {counts.GetValueOrDefault(IngestOutcome.NearDuplicate)} near duplicates, " +
                    $"{counts.GetValueOrDefault(IngestOutcome.AlreadyStored)} already stored, " +
                    $"{rejected} rejected, {problems} input problems; {created.Count} stories created, {updated.Count} updated"));
                if (parsed.GetValue(showStories))
                {
                    output.WriteLine();
                    StoriesCommand.Print(output, [.. touched.Select(store.Story).OfType<StorySummary>()
                        .OrderBy(s => s.LastDay is null).ThenByDescending(s => s.LastDay).ThenByDescending(s => s.Id)]);
                }

                // The job failed only when nothing at all could be read; otherwise problems are reported and the rest is stored.
                bool nothingUsable = read == counts.GetValueOrDefault(IngestOutcome.Rejected) && (problems > 0 || read > 0);
                return nothingUsable ? ExitCodes.BadInput : ExitCodes.Success;
            }, create: true);
        });
        return command;
    }

    /// <summary>
    /// The inputs with their store-free work done on every core: a reader thread reads the inputs in order and starts
    /// preparing each on the thread pool, up to <see cref="PreparedAhead"/> ahead of the caller, which commits them in
    /// the same order, so results are deterministic. Each preparing thread also finds its inputs' duplicate candidates
    /// among the settled articles, through a reader of its own (<paramref name="openReader"/>), which the commit uses
    /// while no merge has moved keys since.
    /// </summary>
    private static IEnumerable<(InputItem Item, PreparedInput? Prepared)> Prepared(
        IEnumerable<InputItem> items, Ingester ingester, Func<ISettledKeyReader?> openReader)
    {
        using var readers = new ThreadLocal<ISettledKeyReader?>(openReader, trackAllValues: true);
        using var started = new System.Collections.Concurrent.BlockingCollection<(InputItem, Task<PreparedInput?>)>(PreparedAhead);
        Exception? failure = null;
        var producer = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (InputItem item in items)
                {
                    started.Add((item, item is { Source: { } source, Raw: { } raw }
                        ? Task.Run(() => (PreparedInput?)ingester.Prepare(source, raw, readers.Value))
                        : Task.FromResult<PreparedInput?>(null)));
                }
            }
            catch (Exception e)
            {
                failure = e;
            }
            finally
            {
                started.CompleteAdding();
            }
        }, TaskCreationOptions.LongRunning);

        try
        {
            foreach ((InputItem item, Task<PreparedInput?> preparing) in started.GetConsumingEnumerable())
            {
                yield return (item, preparing.GetAwaiter().GetResult());
            }

            producer.Wait();
        }
        finally
        {
            foreach (ISettledKeyReader? reader in readers.Values)
            {
                reader?.Dispose();
            }
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    // Bytes of the files named (directories walked); standard input counts as unknown.
    private static long InputBytes(string[] inputs)
    {
        long total = 0;
        foreach (string input in inputs)
        {
            total += File.Exists(input) ? new FileInfo(input).Length
                : Directory.Exists(input) ? new DirectoryInfo(input).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length)
                : 0;
        }

        return total;
    }
}
