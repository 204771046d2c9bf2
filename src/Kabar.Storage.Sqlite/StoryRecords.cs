namespace Kabar.Storage.Sqlite;

/// <summary>One story as listed.</summary>
/// <param name="Id">The story id: the id of the article that started it.</param>
/// <param name="Size">Its articles, copies included.</param>
/// <param name="FirstDay">The earliest publication day of its members, if known.</param>
/// <param name="LastDay">The latest, if known.</param>
/// <param name="Title">The title of its earliest member.</param>
/// <param name="Outlets">The outlets that carried it, by name.</param>
public sealed record StorySummary(long Id, int Size, DateOnly? FirstDay, DateOnly? LastDay, string? Title, IReadOnlyList<string> Outlets)
{
    /// <summary>"2025-03-03", "2025-03-03 – 2025-03-05", or "undated".</summary>
    public string DaysText() =>
        FirstDay is not { } first ? "undated"
        : first == LastDay ? Iso(first)
        : $"{Iso(first)} – {(LastDay is { } last ? Iso(last) : "?")}";

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>One article of a story, with what put it there.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Origin">Where it was read.</param>
/// <param name="Outlet">Its outlet, if known.</param>
/// <param name="Published">Its publication date as stored, if known.</param>
/// <param name="Title">Its title, if known.</param>
/// <param name="DuplicateOf">The article it copies exactly.</param>
/// <param name="NearOf">The article it copies nearly or partly.</param>
/// <param name="NearKind">"near" or "contained".</param>
/// <param name="Similarity">Jaccard (near) or containment (contained).</param>
/// <param name="Score">The story score that put it there, if it was matched rather than started or copied.</param>
/// <param name="Reason">Why it is in the story.</param>
public sealed record StoryMember(
    long Id, string Origin, string? Outlet, string? Published, string? Title, long? DuplicateOf, long? NearOf, string? NearKind,
    double? Similarity, double? Score, string Reason);

/// <summary>One stored article as exported: everything but the raw bytes.</summary>
public sealed record ExportedArticle(
    long Id, string Origin, string? ExternalId, string? Url, string? Title, string? Outlet, string? Published, string Language,
    long DuplicateCluster, long? DuplicateOf, long? NearOf, string? NearKind, double? Similarity, long? Story, double? StoryScore,
    string? StoryReason, string Text);

/// <summary>One article found by a search.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Story">Its story id.</param>
/// <param name="StoryTitle">Its story's title.</param>
/// <param name="Title">Its title, the matched words between U+0002 and U+0003.</param>
/// <param name="Outlet">Its outlet, if known.</param>
/// <param name="Published">Its publication date as stored, if known.</param>
/// <param name="Snippet">A passage of its text around the matched words, marked like the title.</param>
/// <param name="Exact">Whether it holds the words as typed, not only words of their families.</param>
public sealed record SearchHit(long Id, long? Story, string? StoryTitle, string? Title, string? Outlet, string? Published, string Snippet, bool Exact);

/// <summary>A page of search results.</summary>
/// <param name="Total">How many articles match in all; when not <paramref name="Ranked"/>, only that more than
/// <see cref="SqliteArticleStore.MaxRanked"/> do.</param>
/// <param name="Ranked">Whether the hits are ranked (words as typed first, then BM25, title weighted); when more than
/// <see cref="SqliteArticleStore.MaxRanked"/> articles match, they are the newest first instead.</param>
/// <param name="Hits">The page.</param>
public sealed record SearchResults(long Total, bool Ranked, IReadOnlyList<SearchHit> Hits);
