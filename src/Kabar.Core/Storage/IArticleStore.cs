using Kabar.Pipeline;

namespace Kabar.Storage;

/// <summary>An article ready to store: its source, its raw bytes, the processed article and its keys.</summary>
public sealed record NewArticle(ArticleSource Source, byte[] Raw, Article Article, string IngestKey, string ContentHash, long? DuplicateOf);

/// <summary>An input that could not be processed, kept with its raw bytes so nothing is lost; the same input twice is kept once.</summary>
public sealed record QuarantinedInput(ArticleSource Source, byte[] Raw, Rejection Rejection, string IngestKey);

/// <summary>Counts over the whole store.</summary>
/// <param name="Articles">Stored articles, duplicates included.</param>
/// <param name="ExactDuplicates">Stored articles whose story text equals an earlier one's.</param>
/// <param name="Rejected">Quarantined inputs.</param>
/// <param name="RejectedByReason">Quarantined inputs per reason code.</param>
public sealed record StoreStats(long Articles, long ExactDuplicates, long Rejected, IReadOnlyDictionary<string, long> RejectedByReason);

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

    /// <summary>Stores a new article and returns its id.</summary>
    long Add(NewArticle article);

    /// <summary>Keeps an input that was rejected, with its reason and raw bytes.</summary>
    void Quarantine(QuarantinedInput input);

    /// <summary>Counts over the whole store.</summary>
    StoreStats GetStats();
}
