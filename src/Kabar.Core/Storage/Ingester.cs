using System.Globalization;
using Kabar.Dedup;
using Kabar.Pipeline;
using Kabar.Stories;

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
/// <param name="Story">The story it joined or started (null when nothing was stored).</param>
/// <param name="StartedStory">True when it started that story.</param>
public sealed record IngestResult(
    IngestOutcome Outcome, long? Id, long? DuplicateOf, Rejection? Rejection, NearDuplicate? Near = null, long? Story = null, bool StartedStory = false);

/// <summary>An input taken through everything that needs no store: the pipeline, hashes, shingles and story
/// features. Made by <see cref="Ingester.Prepare"/>, on any thread.</summary>
/// <param name="Source">Where it came from.</param>
/// <param name="Raw">Its bytes.</param>
/// <param name="IngestKey">See <see cref="ArticleHashes.IngestKey"/>.</param>
/// <param name="Processed">The processed article, or why it was rejected.</param>
/// <param name="Words">Its story words (empty when rejected).</param>
/// <param name="Shingles">Its shingle hashes.</param>
/// <param name="Sequence">The same in text order, repeats kept (<see cref="Shingles.InOrder"/>).</param>
/// <param name="Keys">Its duplicate keys (<see cref="Ingester.DuplicateKeys"/>) of all its shingles.</param>
/// <param name="Features">Its story features (null when rejected).</param>
/// <param name="Packed">Its raw bytes and story words packed for the store (default when rejected).</param>
/// <param name="Ahead">Its duplicate candidates among the settled articles, found while it was prepared, if they were.</param>
public sealed record PreparedInput(
    ArticleSource Source, byte[] Raw, string IngestKey, Result<Article> Processed, string Words, ulong[] Shingles, ulong[] Sequence, long[] Keys,
    StoryFeatures? Features, (Packed Raw, Packed Words) Packed, CandidatesAhead? Ahead = null);

/// <summary>Duplicate candidates found ahead of the commit (<see cref="SettledCandidates"/>), with the shingles of each
/// (<see cref="Shingles.Of"/> of its words).</summary>
public sealed record CandidatesAhead(SettledCandidates Settled, IReadOnlyDictionary<long, ulong[]> Shingles);

/// <summary>
/// Takes inputs through the pipeline into a store. An input seen before is skipped; an article whose story words are
/// already stored is an exact duplicate of the earliest; otherwise its duplicate keys (<see cref="DuplicateKeys"/>)
/// find earlier candidates, each verified on shingles, and the most similar one that passes makes it a near (Jaccard ≥ <see cref="NearJaccard"/>)
/// or partial (containment ≥ <see cref="PartialContainment"/>) copy. Shingles that occur in many articles
/// (<see cref="CorpusStatistics.IsFrequent"/>) are template, not story, and link nothing. Every article then joins a
/// story: a copy goes where its original went, any other is matched by <see cref="StoryMatcher"/>. Bad input is
/// quarantined.
/// <para><see cref="Prepare"/> may run on many threads, each with its own <see cref="ISettledKeyReader"/> if any;
/// <see cref="Commit"/> decides in order, so the same inputs in the same order give the same duplicates and stories.
/// Not thread-safe otherwise: one ingester per store connection.</para>
/// </summary>
public sealed class Ingester
{
    /// <summary>Jaccard similarity of 5-word shingles from which an article is a near copy.</summary>
    public const double NearJaccard = 0.7;

    /// <summary>Share of one article's shingles found in the other from which it is a partial copy.</summary>
    public const double PartialContainment = 0.8;

    /// <summary>Candidates verified per article, those sharing the most keys first; bounds the work a template-like
    /// article can cause.</summary>
    public const int MaxCandidates = 16;

    /// <summary>The format of the stored duplicate keys (<see cref="DuplicateKeys"/>): the signature's
    /// (<see cref="MinHasher.Format"/>), the fingerprints' window, and which shingles count: all but those frequent in
    /// recent articles (<see cref="CorpusStatistics.IsFrequent"/>). A store whose keys are of another format gets them
    /// made again when an ingester opens it.</summary>
    public static readonly string KeyFormat =
        $"{MinHasher.Format} + winnowing/{Fingerprints.Window}, without shingles frequent in recent articles";

    // Stored articles whose shingles are counted again when statistics from before the window of recent articles
    // (format 1) are read: enough to fill both generations of the sketch with articles of 400 words.
    private const int RecountArticles = 100_000;

    // Shingles of the newest articles kept for verifying their copies: 32 MB, ~10,000 articles of 400 words.
    private const int RecentShingles = 1 << 22;

    private readonly ArticleReader _reader;
    private readonly IArticleStore _store;
    private readonly StoryMatcher _matcher;
    private CorpusStatistics _statistics;
    private readonly RecentShingleSets _recent = new(RecentShingles);
    private long _counted;
    private long _rollbacks;

    /// <summary>Loads the corpus statistics saved in <paramref name="store"/> and counts what was stored after them
    /// (by another process, or before a crash); a database from before stories gets its stories here.</summary>
    /// <param name="pipeline">Turns article text into an <see cref="Article"/>.</param>
    /// <param name="store">Where articles are kept.</param>
    /// <param name="matcher">Story grouping (default <see cref="StoryMatcher.Default"/>).</param>
    /// <param name="pages">Extracts articles from web pages; without one, pages are rejected.</param>
    public Ingester(NewsPipeline pipeline, IArticleStore store, StoryMatcher? matcher = null, IPageExtractor? pages = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(store);
        _reader = new ArticleReader(pipeline, pages);
        _store = store;
        _matcher = matcher ?? StoryMatcher.Default;
        (_statistics, _counted) = Saved(store);
        _rollbacks = store.Rollbacks;
        if (store.KeyFormat() != KeyFormat)
        {
            RebuiltKeys = store.RebuildKeys(KeyFormat, words => KeysWithoutFrequent(Shingles.InOrder(words)));
        }

        CatchUp();
    }

    // The statistics last saved in the store, and the highest article id they count.
    private static (CorpusStatistics, long) Saved(IArticleStore store)
    {
        (byte[]? data, long counted) = store.LoadStatistics();
        return (data is null ? new CorpusStatistics()
            : CorpusStatistics.FromBytes(data, () => store.StoryWords(Math.Max(0, counted - RecountArticles), counted).Select(Shingles.Of)), counted);
    }

    /// <summary>How many stored articles got new duplicate keys when this ingester opened the store, because theirs were
    /// made in another format (see <see cref="KeyFormat"/>); 0 almost always.</summary>
    public long RebuiltKeys { get; }

    /// <summary>The statistics of every article counted so far.</summary>
    public CorpusStatistics Statistics => _statistics;

    /// <summary>Ingests one input.</summary>
    public IngestResult Ingest(ArticleSource source, byte[] raw) => Commit(Prepare(source, raw));

    /// <summary>Everything about one input that needs no store; with a <paramref name="reader"/> (one a thread), also its
    /// duplicate candidates among the settled articles, which the commit then need not look up. Thread-safe.</summary>
    public PreparedInput Prepare(ArticleSource source, byte[] raw, ISettledKeyReader? reader = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(raw);
        string key = ArticleHashes.IngestKey(source, raw);
        (Result<Article> processed, source) = _reader.Read(source, raw);

        if (!processed.IsSuccess)
        {
            return new PreparedInput(source, raw, key, processed, "", [], [], [], null, default);
        }

        string words = StoryWords.Of(processed.Value);
        ulong[] sequence = Shingles.InOrder(words);
        long[] keys = DuplicateKeys(sequence);
        CandidatesAhead? ahead = reader?.Find(keys, MaxCandidates) is { } settled
            ? new CandidatesAhead(settled, settled.Words.ToDictionary(w => w.Key, w => Shingles.Of(w.Value)))
            : null;
        return new PreparedInput(source, raw, key, processed, words, Shingles.Set(sequence), sequence, keys,
            StoryFeatures.Of(processed.Value, source.Title, source.Published), (Packed.Of(raw), Packed.Of(words)), ahead);
    }

    /// <summary>Decides and stores one prepared input. Inputs must be committed in the order they should be decided.</summary>
    public IngestResult Commit(PreparedInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (_store.FindByIngestKey(input.IngestKey) is { } existing)
        {
            return new IngestResult(IngestOutcome.AlreadyStored, existing, null, null, Story: _store.GetLinks(existing).Story);
        }

        if (!input.Processed.IsSuccess)
        {
            _store.Quarantine(new QuarantinedInput(input.Source, input.Raw, input.Processed.Rejection, input.IngestKey));
            return new IngestResult(IngestOutcome.Rejected, null, null, input.Processed.Rejection);
        }

        CatchUp();
        Article article = input.Processed.Value;
        StoryFeatures features = input.Features!;
        string? title = input.Source.Title ?? article.Metadata.Title;
        string content = ArticleHashes.Content(input.Words);
        if (_store.FindByContentHash(content) is { } original)
        {
            StoredLinks links = _store.GetLinks(original);
            StoryAssignment story = Follow(features, title, links.Story, $"exact copy of #{original}");
            long copy = Add(new NewArticle(input.Source, input.Packed.Raw, article, input.IngestKey, content, input.Packed.Words, [], original, null, links.Cluster, story), features, null);
            return new IngestResult(IngestOutcome.ExactDuplicate, copy, original, null, null, story.State.Id ?? copy, story.State.Id is null);
        }

        ulong[] shingles = _statistics.WithoutFrequent(input.Shingles);
        long[] keys = shingles.Length == input.Shingles.Length ? input.Keys : KeysWithoutFrequent(input.Sequence);
        // Candidates found ahead were looked up by all the input's keys: not by these, if frequent shingles changed them.
        NearDuplicate? near = BestCandidate(shingles, keys, ReferenceEquals(keys, input.Keys) ? input.Ahead : null);
        StoredLinks? nearLinks = near is null ? null : _store.GetLinks(near.Of);
        StoryAssignment group = near is null
            ? _matcher.Assign(features, title, Match(features), _statistics)
            : Follow(features, title, nearLinks!.Story, string.Create(CultureInfo.InvariantCulture,
                $"{(near.Kind == "near" ? "near" : "partial")} copy of #{near.Of} ({near.Similarity:0.00})"));
        long id = Add(new NewArticle(input.Source, input.Packed.Raw, article, input.IngestKey, content, input.Packed.Words, keys, null, near, nearLinks?.Cluster, group),
            features, input.Shingles);
        if (keys.Length > 0)  // without keys, it is never a candidate
        {
            _recent.Add(id, input.Shingles);
        }

        return new IngestResult(near is null ? IngestOutcome.Added : IngestOutcome.NearDuplicate, id, near?.Of, null, near,
            group.State.Id ?? id, group.State.Id is null);
    }

    /// <summary>Saves the statistics, counting every article stored so far. Call it inside the write batch that stores
    /// the last of those articles, so the two are durable together.</summary>
    public void Checkpoint()
    {
        CatchUp();
        _store.SaveStatistics(_statistics.ToBytes(), _counted);
    }

    // Stores an article and counts it; an exact copy (no shingles given) is not counted again.
    private long Add(NewArticle article, StoryFeatures features, ulong[]? shingles)
    {
        long id = _store.Add(article);
        if (shingles is not null)
        {
            _statistics.Add(features, shingles);
        }

        _counted = id;
        return id;
    }

    /// <summary>The keys by which later copies find an article: the 32 LSH band keys of its MinHash signature
    /// (<see cref="LshBands"/>), which find near copies, then its fingerprints (<see cref="Fingerprints"/>), which find
    /// a passage of it inside a longer article or the other way round. None without shingles: the empty set's
    /// signature would put every such article into the same buckets.</summary>
    /// <param name="sequence">Its shingles in text order (<see cref="Shingles.InOrder"/>), repeats kept.</param>
    public static long[] DuplicateKeys(ReadOnlySpan<ulong> sequence) =>
        sequence.IsEmpty ? [] : [.. LshBands.Keys(MinHasher.Default.Signature(sequence)), .. Fingerprints.Of(sequence)];

    // The keys of the shingles of a sequence that are not frequent now.
    private long[] KeysWithoutFrequent(ulong[] sequence) => DuplicateKeys(Array.FindAll(sequence, s => !_statistics.IsFrequent(s)));

    private StoryMatch? Match(StoryFeatures features) =>
        _matcher.Best(features, _store.FindStories(_matcher.LookupKeys(features.Vector, _statistics), features.Day,
            _matcher.Options.WindowDays, _matcher.Options.ReachDays, _matcher.Options.MaxCandidates), _statistics);

    private StoryAssignment Follow(StoryFeatures features, string? title, long? story, string reason) =>
        _matcher.Follow(features, title, story is { } s ? _store.GetStoryState(s) : null, reason, _statistics);

    private NearDuplicate? BestCandidate(ulong[] shingles, long[] keys, CandidatesAhead? ahead)
    {
        NearDuplicate? best = null;
        foreach (long candidate in _store.FindByKeys(keys, MaxCandidates, ahead?.Settled))
        {
            NearDuplicate? found = Verify(shingles, ShinglesOf(candidate, ahead), candidate, _statistics);
            // Candidates come most shared keys first; of equally similar ones the earliest is the copy's source.
            if (found is not null && (best is null || found.Similarity > best.Similarity || (found.Similarity == best.Similarity && candidate < best.Of)))
            {
                best = found;
            }
        }

        return best;
    }

    /// <summary>How a candidate relates to an article, on the shingles of each that are not frequent in
    /// <paramref name="statistics"/>: a near copy, a partial one, or neither (null).</summary>
    /// <param name="shingles">The article's shingles, sorted, none of them frequent.</param>
    /// <param name="other">The candidate's shingles, sorted, frequent ones included.</param>
    /// <param name="candidate">The candidate's id.</param>
    /// <param name="statistics">Which shingles are frequent.</param>
    internal static NearDuplicate? Verify(ulong[] shingles, ReadOnlySpan<ulong> other, long candidate, CorpusStatistics statistics)
    {
        // The shingles the two share are not frequent, since the article has none, so only the candidate's others are
        // looked up in the sketch, one by one, until so many are kept that neither measure can pass: both only fall as
        // the candidate's set grows, so one that shares little is ruled out after a few look-ups, not one a shingle.
        int shared = Shingles.Overlap(shingles, other).Shared, i = 0;
        var overlap = new ShingleOverlap(shared, shingles.Length, shared);
        if (!MayPass(overlap))
        {
            return null;
        }

        foreach (ulong shingle in other)
        {
            while (i < shingles.Length && shingles[i] < shingle)
            {
                i++;
            }

            if ((i == shingles.Length || shingles[i] != shingle) && !statistics.IsFrequent(shingle))
            {
                overlap = overlap with { B = overlap.B + 1 };
                if (!MayPass(overlap))
                {
                    return null;
                }
            }
        }

        return overlap.Jaccard >= NearJaccard ? new NearDuplicate(candidate, "near", overlap.Jaccard)
            : overlap.Containment >= PartialContainment ? new NearDuplicate(candidate, "contained", overlap.Containment)
            : null;
    }

    private static bool MayPass(ShingleOverlap overlap) => overlap.Jaccard >= NearJaccard || overlap.Containment >= PartialContainment;

    // A candidate's shingles: read ahead, held since it was stored, or made from its words read back. Only its words
    // are read: its links, stored after its raw bytes, only for the one chosen. A candidate's words never change, so
    // those read ahead serve even when the look-up had to be made again. Held ones are valid until the next is stored.
    private ReadOnlySpan<ulong> ShinglesOf(long candidate, CandidatesAhead? ahead) =>
        ahead is not null && ahead.Shingles.TryGetValue(candidate, out ulong[]? read) ? read
        : _recent.TryGet(candidate, out ReadOnlySpan<ulong> held) ? held
        : Shingles.Of(_store.GetWords(candidate));

    // Counts articles stored but not yet counted: after a crash since the last checkpoint, or written by another
    // process. Each is processed again from its raw bytes; one without a story (a database from before stories) gets one.
    // After a rollback the statistics count articles that were never stored, and the shingle sets held by id may be
    // theirs, with their ids free for other articles: both are made again from what the store holds.
    private void CatchUp()
    {
        if (_store.Rollbacks != _rollbacks)
        {
            _rollbacks = _store.Rollbacks;
            _recent.Clear();
            (_statistics, _counted) = Saved(_store);
        }

        if (_store.LastId() <= _counted)
        {
            return;
        }

        foreach (StoredArticle stored in _store.ArticlesAfter(_counted))
        {
            PreparedInput input = Prepare(stored.Source, stored.Raw);
            if (input.Features is { } features)
            {
                if (stored.Story is null)
                {
                    string? title = stored.Source.Title;
                    StoryAssignment story = stored.CopyOf is { } of
                        ? Follow(features, title, _store.GetLinks(of).Story, $"copy of #{of}")
                        : _matcher.Assign(features, title, Match(features), _statistics);
                    _store.SetStory(stored.Id, story);
                }

                if (!stored.IsExactCopy)
                {
                    _statistics.Add(features, input.Shingles);
                }
            }

            _counted = stored.Id;
        }
    }
}
