using Kabar.Reports;
using Kabar.Storage;
using Kabar.Storage.Sqlite;
using Microsoft.Extensions.Caching.Memory;

namespace Kabar.Server;

/// <summary>
/// The costly views, kept: a story's roles and content take a compare per member, a comparison tens of
/// milliseconds. A stored article never changes and a story only grows, so a story is keyed by its id and size and a
/// comparison by its two articles; nothing kept is ever stale. At most <see cref="Entries"/> are kept.
/// </summary>
internal sealed class ReportCache : IDisposable
{
    public const int Entries = 2000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Entries });

    public StoryReport? Story(StoredArticles articles, long id) =>
        articles.Store.Story(id) is { } story ? Keep(("story", id, story.Size), () => StoryReport.Build(articles, id)) : null;

    public StoryContent? Content(StoredArticles articles, StoryReport story) =>
        Keep(("content", story.Story.Id, story.Story.Size), () => StoryContent.Build(articles, story));

    /// <summary>A page of the stories list and the store's counts, kept until the store changes.</summary>
    public StoriesPage StoriesPage(
        SqliteArticleStore store, DateOnly? since, DateOnly? until, string? outlet, int limit, int offset) =>
        Keep(("stories", store.Version(), since, until, outlet?.ToUpperInvariant(), limit, offset),
            () => new StoriesPage(store.Stories(since, until, outlet, 1, limit, offset), store.GetStats()))!;

    public CompareReport? Compare(StoredArticles articles, long a, long b) => Keep(("compare", a, b), () => articles.Compare(a, b));

    public void Dispose() => _cache.Dispose();

    // Only what was found is kept: an article or story may appear later.
    private T? Keep<T>(object key, Func<T?> build) where T : class
    {
        if (_cache.TryGetValue(key, out T? kept))
        {
            return kept;
        }

        T? built = build();
        if (built is not null)
        {
            _cache.Set(key, built, new MemoryCacheEntryOptions { Size = 1 });
        }

        return built;
    }
}

/// <summary>What the stories list shows.</summary>
internal sealed record StoriesPage(IReadOnlyList<StorySummary> Stories, StoreStats Stats);
