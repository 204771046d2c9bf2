using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Kabar.Ingest;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Storage.Sqlite;

namespace Kabar.Cli;

/// <summary><c>kabar ingest PATH… [--db FILE]</c>: read articles into the store, finding exact duplicates.</summary>
internal static class IngestCommand
{
    // How often progress is reported when standard error is not a terminal.
    private static readonly TimeSpan s_progressEvery = TimeSpan.FromSeconds(2);

    // Articles share a transaction until this many are written or this long has passed: far faster than a commit
    // each, and at most this much work is redone after a crash.
    private const int BatchSize = 500;
    private static readonly TimeSpan s_batchTime = TimeSpan.FromMilliseconds(500);

    // Corpus statistics are saved with the batch that follows this many articles, and at the end; after a crash the
    // articles since are counted again from their raw bytes.
    private const int CheckpointEvery = 20_000;

    public static Command Create(TextWriter output, TextWriter error, Func<Stream> standardInput)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files (.txt, .jsonl), directories, or - for standard input.", Arity = ArgumentArity.OneOrMore };
        Option<string> db = DatabaseOption.Create();
        var command = new Command("ingest", "Store articles (raw bytes, cleaned text, metadata) and mark exact duplicates.") { paths, db };
        command.SetAction(parsed =>
        {
            return DatabaseOption.WithStore(parsed.GetValue(db)!, error, store =>
            {
                var ingester = new Ingester(NewsPipeline.Default, store);
                var counts = new Dictionary<IngestOutcome, int>();
                var pending = new List<IngestResult>();
                HashSet<long> created = [], updated = [];
                var rejectedBy = new SortedDictionary<string, int>(StringComparer.Ordinal);
                int problems = 0;
                var clock = Stopwatch.StartNew();
                TimeSpan lastCommit = TimeSpan.Zero, lastReport = TimeSpan.Zero;
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
                        if (result.Story is { } story)
                        {
                            _ = result.StartedStory ? created.Add(story) : !created.Contains(story) && updated.Add(story);
                        }
                    }

                    pending.Clear();
                    lastCommit = clock.Elapsed;
                    batch = store.BeginBatch();
                }

                foreach (InputItem item in new InputReader(standardInput).Read(parsed.GetValue(paths)!))
                {
                    if (item.Problem is not null)
                    {
                        error.WriteLine($"kabar: {item.Problem}");
                        problems++;
                    }

                    if (item.Source is null || item.Raw is null)
                    {
                        continue;
                    }

                    IngestResult result = ingester.Ingest(item.Source, item.Raw);
                    pending.Add(result);
                    if (result.Rejection is { } rejection)
                    {
                        error.WriteLine($"kabar: {item.Source.Origin}: {rejection.Message}");
                        rejectedBy[rejection.Reason.ToString()] = rejectedBy.GetValueOrDefault(rejection.Reason.ToString()) + 1;
                    }

                    if (pending.Count >= BatchSize || clock.Elapsed - lastCommit >= s_batchTime)
                    {
                        Commit();
                    }

                    if (clock.Elapsed - lastReport >= s_progressEvery)
                    {
                        lastReport = clock.Elapsed;
                        int stored = counts.Values.Sum();
                        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kabar: {stored} articles stored, {stored / clock.Elapsed.TotalSeconds:0} articles/s"));
                    }
                }

                Commit(last: true);
                batch.Dispose();
                int read = counts.Values.Sum();
                string rejected = rejectedBy.Count == 0 ? "0" : $"{rejectedBy.Values.Sum()} ({string.Join(", ", rejectedBy.Select(r => $"{r.Key.ToLowerInvariant()} {r.Value}"))})";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingested {read} articles in {clock.Elapsed.TotalSeconds:0.0} s: {counts.GetValueOrDefault(IngestOutcome.Added)} new, " +
                    $"{counts.GetValueOrDefault(IngestOutcome.ExactDuplicate)} exact duplicates, {counts.GetValueOrDefault(IngestOutcome.NearDuplicate)} near duplicates, " +
                    $"{counts.GetValueOrDefault(IngestOutcome.AlreadyStored)} already stored, " +
                    $"{rejected} rejected, {problems} input problems; {created.Count} stories created, {updated.Count} updated"));

                // The job failed only when nothing at all could be read; otherwise problems are reported and the rest is stored.
                bool nothingUsable = read == counts.GetValueOrDefault(IngestOutcome.Rejected) && (problems > 0 || read > 0);
                return nothingUsable ? ExitCodes.BadInput : ExitCodes.Success;
            });
        });
        return command;
    }
}
