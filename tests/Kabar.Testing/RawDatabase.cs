using Kabar.Storage;
using Microsoft.Data.Sqlite;

namespace Kabar.Testing;

/// <summary>A database file changed without Kabar: to make what an older Kabar, another program or a damaged disk
/// leaves behind. Its SQL can call <c>kabar_unpack(packed)</c>, the bytes a <see cref="Packed"/> holds.</summary>
public static class RawDatabase
{
    /// <summary>Runs <paramref name="sql"/> on the database at <paramref name="path"/>, on a connection of its own that
    /// is closed (not pooled) before this returns.</summary>
    public static void Execute(string path, string sql)
    {
        using SqliteConnection connection = Connection(path);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row <paramref name="sql"/> returns, read as <see cref="Execute"/> runs.</summary>
    public static object? Scalar(string path, string sql)
    {
        using SqliteConnection connection = Connection(path);
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>An open connection of its own (not pooled) to the database at <paramref name="path"/>.</summary>
    public static SqliteConnection Connection(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        connection.CreateFunction<byte[], byte[]>("kabar_unpack", packed => Packed.Unpack(packed), isDeterministic: true);
        return connection;
    }
}
