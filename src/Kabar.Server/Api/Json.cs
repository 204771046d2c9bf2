using System.Text.Json;

namespace Kabar.Server.Api;

/// <summary>The API's JSON: snake_case names, nulls left out.</summary>
internal static class Json
{
    public static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
