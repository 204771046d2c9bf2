namespace Kabar.Storage.Sqlite;

/// <summary>One article of a duplicate cluster.</summary>
/// <param name="Cluster">The cluster id: its earliest member's id.</param>
/// <param name="Id">The article's id.</param>
/// <param name="Origin">Where it was read.</param>
/// <param name="Outlet">Its outlet, if known.</param>
/// <param name="Published">Its publication date, if known.</param>
/// <param name="Relation">"original", "exact copy", "near copy 0.83" or "partial copy 0.95" (of the article it matched).</param>
public sealed record DuplicateMember(long Cluster, long Id, string Origin, string? Outlet, string? Published, string Relation);
