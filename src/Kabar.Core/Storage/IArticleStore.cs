using Kabar.Pipeline;

namespace Kabar.Storage;

/// <summary>An article ready to store: its source, its raw bytes, the processed article, its keys and duplicate links.</summary>
/// <param name="Source">Where it came from.</param>
/// <param name="Raw">Its bytes as read.</param>
/// <param name="Article">The processed article.</param>
/// <param name="IngestKey">See <see cref="ArticleHashes.IngestKey"/>.</param>
/// <param name="ContentHash">See <see cref="ArticleHashes.Content"/>.</param>
/// <param name="Story">Its story words (<see cref="Dedup.StoryWords"/>), kept to verify later candidates.</param>
/// <param name="BandKeys">Its LSH band keys (<see cref="Dedup.LshBands"/>); empty for an exact duplicate, which its original represents.</param>
/// <param name="DuplicateOf">The earliest article with the same story words, for an exact duplicate.</param>
/// <param name="Near">The verified near or partial copy relation, if any.</param>
/// <param name="Cluster">The duplicate cluster: the id of its earliest member, or null for a new cluster led by this article.</param>
public sealed record NewArticle(
    ArticleSource Source, byte[] Raw, Article Article, string IngestKey, string ContentHash, string Story, long[] BandKeys,
    long? DuplicateOf, NearDuplicate? Near, long? Cluster);

/// <summary>How a new article resembles an earlier one, verified on shingles.</summary>
/// <param name="Of">The earlier article.</param>
/// <param name="Kind">"near" (Jaccard at or above the threshold) or "contained" (most of one stands inside the other).</param>
/// <param name="Similarity">The Jaccard similarity for "near", the containment for "contained".</param>
public sealed record NearDuplicate(long Of, string Kind, double Similarity);

/// <summary>An input that could not be processed, kept with its raw bytes so nothing is lost; the same input twice is kept once.</summary>
public sealed record QuarantinedInput(ArticleSource Source, byte[] Raw, Rejection Rejection, string IngestKey);

/// <summary>Counts over the whole store.</summary>
/// <param name="Articles">Stored articles, duplicates included.</param>
/// <param name="ExactDuplicates">Stored articles whose story text equals an earlier one's.</param>
/// <param name="NearDuplicates">Stored articles verified as near or partial copies of an earlier one.</param>
/// <param name="Rejected">Quarantined inputs.</param>
/// <param name="RejectedByReason">Quarantined inputs per reason code.</param>
public sealed record StoreStats(long Articles, long ExactDuplicates, long NearDuplicates, long Rejected, IReadOnlyDictionary<string, long> RejectedByReason);

/// <summary>
/// Where articles live (SQLite embedded, PostgreSQL later). Core decides what to store; the store keeps it and answers
/// look-ups. Implementations make each call atomic: a call that returned has been durably written.
/// </summary>
public interface IArticleStore
{
    /// <summary>The id of the article stored under <paramref name="ingestKey"/>, or null.</summary>
    long? FindByIngestKey(string ingestKey);

    /// <summary>The id of the earliest stored article with this content hash, or null.</summary>
    long? FindByContentHash(string contentHash);

    /// <summary>Ids of stored articles sharing at least one band key with <paramref name="bandKeys"/> (index = band), ascending.</summary>
    IReadOnlyList<long> FindByBands(long[] bandKeys);

    /// <summary>The story words and duplicate cluster of a stored article.</summary>
    (string Story, long Cluster) GetStory(long id);

    /// <summary>Stores a new article and its band keys in one transaction, and returns its id.</summary>
    long Add(NewArticle article);

    /// <summary>Keeps an input that was rejected, with its reason and raw bytes.</summary>
    void Quarantine(QuarantinedInput input);

    /// <summary>Counts over the whole store.</summary>
    StoreStats GetStats();
}
