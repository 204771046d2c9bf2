using System.Globalization;
using Kabar.Server.Api;
using Kabar.Storage.Sqlite;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kabar.Server;

/// <summary>Query values shared by the API and the pages, checked once: a bad one is a 400 naming it.</summary>
internal static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static ProblemHttpResult? Check(int? limit, int? offset)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return Problems.BadRequest("bad_limit", $"limit must be between 1 and {MaxLimit}, not {limit}");
        }

        return offset < 0 ? Problems.BadRequest("bad_offset", $"offset must not be negative, not {offset}") : null;
    }

    // Broad searches are counted and paged only so far (SqliteArticleStore.MaxRanked).
    public static ProblemHttpResult? SearchOffset(int? offset) => offset > SqliteArticleStore.MaxRanked
        ? Problems.BadRequest("bad_offset", $"search results end at {SqliteArticleStore.MaxRanked}; add words to narrow the search")
        : null;

    public static ProblemHttpResult? SearchWords(SearchQuery query) => query.Words.Count > SearchQuery.MaxWords
        ? Problems.BadRequest("query_too_long", $"a search may hold at most {SearchQuery.MaxWords} words, not {query.Words.Count}")
        : null;

    public static ProblemHttpResult? Day(string? text, string name, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly parsed))
        {
            day = parsed;
            return null;
        }

        return Problems.BadRequest("bad_day", $"{name} '{text}' is not a day like 2025-03-31");
    }
}
