using Kabar.Pipeline;
using Kabar.Stories;

namespace Kabar.Storage;

/// <summary>An article ready to store: its source, its raw bytes, the processed article, its keys and duplicate links.</summary>
/// <param name="Source">Where it came from.</param>
/// <param name="Raw">Its bytes as read, packed.</param>
/// <param name="Article">The processed article.</param>
/// <param name="IngestKey">See <see cref="ArticleHashes.IngestKey"/>.</param>
/// <param name="ContentHash">See <see cref="ArticleHashes.Content"/>.</param>
/// <param name="Words">Its story words (<see cref="Dedup.StoryWords"/>), packed, kept to verify later candidates.</param>
/// <param name="Keys">Its duplicate keys (<see cref="Ingester.DuplicateKeys"/>); empty for an exact duplicate, which its original represents, and for an article without shingles.</param>
/// <param name="DuplicateOf">The earliest article with the same story words, for an exact duplicate.</param>
/// <param name="Near">The verified near or partial copy relation, if any.</param>
/// <param name="Cluster">The duplicate cluster: the id of its earliest member, or null for a new cluster led by this article.</param>
/// <param name="StoryGroup">The story it joins (or starts), with the story's new state and why.</param>
public sealed record NewArticle(
    ArticleSource Source, Packed Raw, Article Article, string IngestKey, string ContentHash, Packed Words, long[] Keys,
    long? DuplicateOf, NearDuplicate? Near, long? Cluster, StoryAssignment StoryGroup);

/// <summary>What a copy takes from the stored article it copies.</summary>
/// <param name="Cluster">Its duplicate cluster.</param>
/// <param name="Story">Its story; null only in a database from before stories, until it is caught up.</param>
public sealed record StoredLinks(long Cluster, long? Story);

/// <summary>A stored article as read back to bring corpus statistics and stories up to date.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Source">Its source as stored.</param>
/// <param name="Raw">Its raw bytes.</param>
/// <param name="CopyOf">The article it is an exact or near copy of, if any.</param>
/// <param name="IsExactCopy">True for an exact duplicate, which statistics do not count again.</param>
/// <param name="Story">Its story, or null when it has none yet.</param>
public sealed record StoredArticle(long Id, ArticleSource Source, byte[] Raw, long? CopyOf, bool IsExactCopy, long? Story);

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

/// <summary>The stored articles that share duplicate keys with an article, among those whose keys are settled (not
/// among the store's most recent), found ahead of the article's commit on a thread of its own
/// (<see cref="ISettledKeyReader"/>). The store's answer to <see cref="IArticleStore.FindByKeys"/> is then these and the
/// recent articles, which the committing thread holds in memory; it stays valid while the settled keys are those of
/// <paramref name="Version"/>.</summary>
/// <param name="Version">The version of the store's settled keys this was read from.</param>
/// <param name="Shared">The settled articles that share the most keys (then the earliest), up to the limit asked, with
/// how many they share, in that order.</param>
/// <param name="Words">The story words of each of them, by id.</param>
public sealed record SettledCandidates(long Version, IReadOnlyList<KeyValuePair<long, int>> Shared, IReadOnlyDictionary<long, string> Words);

/// <summary>Reads duplicate candidates from the store's settled keys for a thread that prepares articles ahead of the
/// commits. One a thread; the store that opened it must outlive it.</summary>
public interface ISettledKeyReader : IDisposable
{
    /// <summary>Up to <paramref name="limit"/> settled articles sharing keys with <paramref name="keys"/>, with their
    /// words; null when the store cannot tell ahead of the commit now (it has not read its key filter yet).</summary>
    SettledCandidates? Find(long[] keys, int limit);
}

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

    /// <summary>Up to <paramref name="limit"/> stored articles sharing at least one duplicate key with
    /// <paramref name="keys"/>: those sharing the most first, then the earliest; none for no keys. With
    /// <paramref name="settled"/> found ahead for the same keys and limit, and still valid, only the recent articles
    /// are looked up here.</summary>
    IReadOnlyList<long> FindByKeys(long[] keys, int limit, SettledCandidates? settled = null);

    /// <summary>A reader of the settled keys for a thread that prepares articles ahead of the commits; null when
    /// this store has none.</summary>
    ISettledKeyReader? OpenSettledKeyReader();

    /// <summary>The format (<see cref="Ingester.KeyFormat"/>) the stored duplicate keys were made with; null when none was
    /// recorded (a new store, or one from before formats were recorded).</summary>
    string? KeyFormat();

    /// <summary>Unless the duplicate keys are already of <paramref name="format"/>, replaces every stored article's
    /// keys with <paramref name="keysOf"/> of its story words (an exact duplicate has none) and records the format, in
    /// one transaction; returns how many articles got keys.</summary>
    long RebuildKeys(string format, Func<string, long[]> keysOf);

    /// <summary>The story words of the stored articles that are not exact copies, with ids above
    /// <paramref name="after"/> up to <paramref name="through"/>, ascending.</summary>
    IEnumerable<string> StoryWords(long after, long through);

    /// <summary>The story words of a stored article, to verify it as a near-duplicate candidate.</summary>
    string GetWords(long id);

    /// <summary>The duplicate cluster and story of a stored article.</summary>
    StoredLinks GetLinks(long id);

    /// <summary>Stores a new article, its band keys and its story's new state in one transaction, and returns its id.</summary>
    long Add(NewArticle article);

    /// <summary>The highest article id stored, or 0.</summary>
    long LastId();

    /// <summary>How many times writes of this store's connection were rolled back. The ids of articles added in a write
    /// that was rolled back may be given to other articles, so what a caller holds by article id goes stale when this
    /// changes.</summary>
    long Rollbacks { get; }

    /// <summary>Stored articles with ids above <paramref name="id"/>, ascending.</summary>
    IEnumerable<StoredArticle> ArticlesAfter(long id);

    /// <summary>Of the <paramref name="limit"/> stories that share the most index keys (<see cref="StoryMatcher.IndexKeys"/>)
    /// with <paramref name="keys"/> (then the oldest) among those within <paramref name="windowDays"/> of
    /// <paramref name="day"/> (or any, undated), those within <paramref name="reachDays"/> of it, in that order.</summary>
    IReadOnlyList<StoryState> FindStories(long[] keys, DateOnly? day, int windowDays, int reachDays, int limit);

    /// <summary>The state of a stored story.</summary>
    StoryState GetStoryState(long story);

    /// <summary>Puts a stored article that has no story yet into one (and saves the story's new state).</summary>
    void SetStory(long id, StoryAssignment assignment);

    /// <summary>The corpus statistics last saved, and the highest article id they count; null and 0 when none.</summary>
    (byte[]? Data, long ThroughId) LoadStatistics();

    /// <summary>Saves corpus statistics that count every article up to <paramref name="throughId"/>.</summary>
    void SaveStatistics(byte[] data, long throughId);

    /// <summary>Keeps an input that was rejected, with its reason and raw bytes.</summary>
    void Quarantine(QuarantinedInput input);

    /// <summary>Counts over the whole store.</summary>
    StoreStats GetStats();
}
