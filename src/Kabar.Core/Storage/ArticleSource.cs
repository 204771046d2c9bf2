namespace Kabar.Storage;

/// <summary>What is known about an article besides its bytes: where it came from and what its container said.</summary>
/// <param name="Origin">Where it was read: a path, "path:line" for JSONL, or "-:line" for standard input.</param>
/// <param name="ExternalId">The id the source gave it (a JSONL "id"), if any; with the bytes it makes ingest idempotent.</param>
/// <param name="Url">Its URL, if known.</param>
/// <param name="Title">Its title as the container gave it; overrides the title read from the text.</param>
/// <param name="Outlet">Its outlet as the container gave it; overrides the dateline.</param>
/// <param name="Published">Its publication date as given (ISO 8601 preferred); overrides the estimate.</param>
/// <param name="ExtraJson">Fields of the container Kabar does not use, kept as a JSON object.</param>
public sealed record ArticleSource(
    string Origin,
    string? ExternalId = null,
    string? Url = null,
    string? Title = null,
    string? Outlet = null,
    string? Published = null,
    string? ExtraJson = null);
