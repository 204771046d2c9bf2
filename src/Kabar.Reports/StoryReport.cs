using Kabar.Comparison;
using Kabar.Pipeline;
using Kabar.Stories;
using Kabar.Storage;
using Kabar.Storage.Sqlite;

namespace Kabar.Reports;

/// <summary>A story with each member's role: who published first, who copied whom, who rewrote, who reported on their own.</summary>
/// <param name="Story">The story as listed.</param>
/// <param name="Members">Its articles by id, each with its role.</param>
public sealed record StoryReport(StorySummary Story, IReadOnlyList<StoryReportMember> Members)
{
    /// <summary>The story <paramref name="id"/> of <paramref name="articles"/>' store, or null when there is none.</summary>
    public static StoryReport? Build(StoredArticles articles, long id)
    {
        ArgumentNullException.ThrowIfNull(articles);
        if (articles.Store.Story(id) is not { } story)
        {
            return null;
        }

        IReadOnlyList<StoryMember> members = articles.Store.StoryMembers(id);
        IReadOnlyList<MemberRole> roles = StoryRoles.Assign(
            [.. members.Select(m => new RoleInput(m.Id, StoryFeatures.ParseDay(m.Published), m.DuplicateOf, m.NearOf, m.NearKind, m.Similarity))],
            (a, b) => articles.Load(a) is { } x && articles.Load(b) is { } y ? ArticleComparer.Default.Compare(x, y).SharedShareA : 0);
        return new StoryReport(story, [.. members.Zip(roles, (m, r) => new StoryReportMember(m, r))]);
    }
}

/// <summary>One member of a story and its role.</summary>
public sealed record StoryReportMember(StoryMember Article, MemberRole Role);

/// <summary>
/// Stored articles read again into <see cref="Article"/>s the way ingest read them (a page through the page
/// extractor), each read once. Not thread-safe, like the store.
/// </summary>
/// <param name="store">The store to read from.</param>
/// <param name="reader">Reads raw bytes into articles.</param>
public sealed class StoredArticles(SqliteArticleStore store, ArticleReader reader)
{
    private readonly Dictionary<long, Article?> _read = [];

    /// <summary>The store read from.</summary>
    public SqliteArticleStore Store => store;

    /// <summary>Article <paramref name="id"/>, or null when there is none (or it can no longer be read).</summary>
    public Article? Load(long id)
    {
        if (!_read.TryGetValue(id, out Article? article))
        {
            article = store.Article(id) is { } stored && reader.Read(stored.Source, stored.Raw).Article is { IsSuccess: true } read ? read.Value : null;
            _read[id] = article;
        }

        return article;
    }

    /// <summary>The compare report of articles <paramref name="a"/> and <paramref name="b"/>, or null when either is missing.</summary>
    public CompareReport? Compare(long a, long b) =>
        Load(a) is { } x && Load(b) is { } y ? CompareReport.From(ArticleComparer.Default.Compare(x, y)) : null;
}
