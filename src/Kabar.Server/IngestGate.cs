using Kabar.Ingest;
using Kabar.Pipeline;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Kabar.Web.Html;

namespace Kabar.Server;

/// <summary>
/// The one writer: ingest requests take turns on one store and one <see cref="Ingester"/> (which keeps the corpus
/// statistics in memory). Each request is one transaction, so a response that says "stored" is durable. Statistics
/// are saved every <see cref="CheckpointEvery"/> articles and on shutdown; after a crash they are caught up from raw bytes.
/// </summary>
internal sealed class IngestGate(string path) : IDisposable
{
    private const int CheckpointEvery = 1000;
    private readonly SemaphoreSlim _turn = new(1, 1);
    private SqliteArticleStore? _store;
    private Ingester? _ingester;
    private int _sinceCheckpoint;

    public async Task<IReadOnlyList<IngestItemResult>> IngestAsync(IEnumerable<InputItem> items, CancellationToken cancel)
    {
        await _turn.WaitAsync(cancel);
        try
        {
            _store ??= SqliteArticleStore.Open(path);
            _ingester ??= new Ingester(NewsPipeline.Default, _store, pages: HtmlPages.Default);
            var results = new List<IngestItemResult>();
            using SqliteArticleStore.Batch batch = _store.BeginBatch();
            foreach (InputItem item in items)
            {
                results.Add(item.Problem is { } problem
                    ? IngestItemResult.Problem(problem)
                    : IngestItemResult.From(item.Source!.Origin, _ingester.Ingest(item.Source, item.Raw!)));
            }

            _sinceCheckpoint += results.Count;
            if (_sinceCheckpoint >= CheckpointEvery)
            {
                _ingester.Checkpoint();
                _sinceCheckpoint = 0;
            }

            batch.Commit();
            return results;
        }
        finally
        {
            _turn.Release();
        }
    }

    public void Dispose()
    {
        _turn.Wait();
        if (_ingester is not null && _sinceCheckpoint > 0)
        {
            using SqliteArticleStore.Batch batch = _store!.BeginBatch();
            _ingester.Checkpoint();
            batch.Commit();
        }

        _store?.Dispose();
        _turn.Dispose();
    }
}

/// <summary>What became of one ingested input.</summary>
/// <param name="Origin">The input's name: "api" for a single article, "api:LINE" for a JSON line.</param>
/// <param name="Outcome">added, exact_duplicate, near_duplicate, already_stored, rejected, or unreadable.</param>
/// <param name="Id">The stored article's id.</param>
/// <param name="Of">The article it duplicates.</param>
/// <param name="Story">The story it belongs to.</param>
/// <param name="Reason">Why it was rejected or could not be read.</param>
public sealed record IngestItemResult(string? Origin, string Outcome, long? Id, long? Of, long? Story, string? Reason)
{
    internal static IngestItemResult Problem(string problem) => new(null, "unreadable", null, null, null, problem);

    internal static IngestItemResult From(string origin, IngestResult result) => new(
        origin,
        Api.Json.SnakeCase(result.Outcome.ToString()),
        result.Id,
        result.DuplicateOf ?? result.Near?.Of,
        result.Story,
        result.Rejection?.Message);
}
