using Kabar.Dedup;
using Kabar.Pipeline;

namespace Kabar.Storage;

/// <summary>What happened to one input.</summary>
public enum IngestOutcome
{
    /// <summary>Stored as a new article.</summary>
    Added,
    /// <summary>Stored, and marked as an exact copy of an earlier article.</summary>
    ExactDuplicate,
    /// <summary>Stored, and marked as a near or partial copy of an earlier article.</summary>
    NearDuplicate,
    /// <summary>The same input was ingested before; nothing was added.</summary>
    AlreadyStored,
    /// <summary>Could not be processed; quarantined with its reason and raw bytes.</summary>
    Rejected,
}

/// <summary>The outcome of one input, with the ids it concerns.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Id">The stored article's id (null when rejected).</param>
/// <param name="DuplicateOf">For an exact or near duplicate, the earlier article it copies.</param>
/// <param name="Rejection">For a rejected input, why.</param>
/// <param name="Near">For a near duplicate, the verified relation.</param>
public sealed record IngestResult(IngestOutcome Outcome, long? Id, long? DuplicateOf, Rejection? Rejection, NearDuplicate? Near = null);

/// <summary>
/// Takes inputs one at a time through the pipeline into a store: an input seen before is skipped; an article whose
/// story words are already stored is an exact duplicate of the earliest; otherwise its LSH bands find earlier
/// candidates, each verified on shingles, and the most similar one that passes makes it a near (Jaccard ≥
/// <see cref="NearJaccard"/>) or partial (containment ≥ <see cref="PartialContainment"/>) copy. Bad input is
/// quarantined. Not thread-safe: one ingester per store connection.
/// </summary>
public sealed class Ingester(NewsPipeline pipeline, IArticleStore store)
{
    /// <summary>Jaccard similarity of 5-word shingles from which an article is a near copy.</summary>
    public const double NearJaccard = 0.7;

    /// <summary>Share of one article's shingles found in the other from which it is a partial copy.</summary>
    public const double PartialContainment = 0.8;

    /// <summary>Candidates verified per article, lowest ids first; bounds the work a template-like article can cause.</summary>
    public const int MaxCandidates = 64;

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

        string story = StoryWords.Of(processed.Value);
        string content = ArticleHashes.Content(story);
        if (store.FindByContentHash(content) is { } original)
        {
            long cluster = store.GetStory(original).Cluster;
            long copy = store.Add(new NewArticle(source, raw, processed.Value, key, content, story, [], original, null, cluster));
            return new IngestResult(IngestOutcome.ExactDuplicate, copy, original, null);
        }

        ulong[] shingles = Shingles.Of(story);
        long[] bands = LshBands.Keys(MinHasher.Default.Signature(shingles));
        (NearDuplicate? near, long? nearCluster) = BestCandidate(shingles, bands);
        long id = store.Add(new NewArticle(source, raw, processed.Value, key, content, story, bands, null, near, nearCluster));
        return near is null
            ? new IngestResult(IngestOutcome.Added, id, null, null)
            : new IngestResult(IngestOutcome.NearDuplicate, id, near.Of, null, near);
    }

    private (NearDuplicate?, long?) BestCandidate(ulong[] shingles, long[] bands)
    {
        NearDuplicate? best = null;
        long? cluster = null;
        foreach (long candidate in store.FindByBands(bands).Take(MaxCandidates))
        {
            (string otherStory, long otherCluster) = store.GetStory(candidate);
            ulong[] other = Shingles.Of(otherStory);
            double jaccard = Shingles.Jaccard(shingles, other);
            double containment = Math.Max(Shingles.Containment(shingles, other), Shingles.Containment(other, shingles));
            NearDuplicate? found = jaccard >= NearJaccard ? new NearDuplicate(candidate, "near", jaccard)
                : containment >= PartialContainment ? new NearDuplicate(candidate, "contained", containment)
                : null;
            if (found is not null && (best is null || found.Similarity > best.Similarity))
            {
                (best, cluster) = (found, otherCluster);
            }
        }

        return (best, cluster);
    }
}
