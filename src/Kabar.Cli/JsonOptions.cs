using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kabar.Cli;

internal static class JsonOptions
{
    /// <summary>Indented, camelCase, with non-ASCII letters written as themselves.</summary>
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One line, snake_case, non-ASCII letters as themselves: JSON Lines for export and extract.</summary>
    public static readonly JsonSerializerOptions Lines = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
