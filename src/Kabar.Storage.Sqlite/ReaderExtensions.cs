using Microsoft.Data.Sqlite;

namespace Kabar.Storage.Sqlite;

/// <summary>Nullable column reads: SQL NULL becomes C# null.</summary>
internal static class ReaderExtensions
{
    public static string? TextOrNull(this SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);

    public static long? NumberOrNull(this SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);

    public static double? RealOrNull(this SqliteDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetDouble(i);
}
