using Kabar.Pipeline;

namespace Kabar.Storage;

/// <summary>What happened to one input.</summary>
public enum IngestOutcome
{
    /// <summary>Stored as a new article.</summary>
    Added,
    /// <summary>Stored, and marked as an exact copy of an earlier article.</summary>
    ExactDuplicate,
    /// <summary>The same input was ingested before; nothing was added.</summary>
    AlreadyStored,
    /// <summary>Could not be processed; quarantined with its reason and raw bytes.</summary>
    Rejected,
}

/// <summary>The outcome of one input, with the ids it concerns.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Id">The stored article's id (null when rejected).</param>
/// <param name="DuplicateOf">For an exact duplicate, the earliest article with the same story text.</param>
/// <param name="Rejection">For a rejected input, why.</param>
public sealed record IngestResult(IngestOutcome Outcome, long? Id, long? DuplicateOf, Rejection? Rejection);

/// <summary>
/// Takes inputs one at a time through the pipeline into a store: an input seen before is skipped, an article whose
/// story text is already stored is kept as an exact duplicate of the earliest one, and bad input is quarantined.
/// Not thread-safe: one ingester per store connection.
/// </summary>
public sealed class Ingester(NewsPipeline pipeline, IArticleStore store)
{
    /// <summary>Ingests one input.</summary>
    public IngestResult Ingest(ArticleSource source, byte[] raw)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(raw);
        string key = ArticleHashes.IngestKey(source, raw);
        if (store.FindByIngestKey(key) is { } existing)
        {
            return new IngestResult(IngestOutcome.AlreadyStored, existing, null, null);
        }

        Result<Article> processed = pipeline.Process(source.Origin, raw);
        if (!processed.IsSuccess)
        {
            store.Quarantine(new QuarantinedInput(source, raw, processed.Rejection, key));
            return new IngestResult(IngestOutcome.Rejected, null, null, processed.Rejection);
        }

        string content = ArticleHashes.Content(processed.Value);
        long? original = store.FindByContentHash(content);
        long id = store.Add(new NewArticle(source, raw, processed.Value, key, content, original));
        return original is null
            ? new IngestResult(IngestOutcome.Added, id, null, null)
            : new IngestResult(IngestOutcome.ExactDuplicate, id, original, null);
    }
}
