using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kabar.Server.Api;

/// <summary>
/// Errors as RFC 9457 problem details with a machine-readable <c>code</c> beside the human <c>detail</c>, so a client
/// can tell "bad_limit" from "not_found" without parsing English.
/// </summary>
internal static class Problems
{
    public static ProblemHttpResult Of(int status, string code, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static ProblemHttpResult NotFound(string what) => Of(StatusCodes.Status404NotFound, "not_found", $"no {what}");

    public static ProblemHttpResult BadRequest(string code, string detail) => Of(StatusCodes.Status400BadRequest, code, detail);
}
