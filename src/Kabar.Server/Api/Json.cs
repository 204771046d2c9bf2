using System.Text.Json;

namespace Kabar.Server.Api;

/// <summary>The API's JSON names are snake_case; enum values written as text follow them.</summary>
internal static class Json
{
    public static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
