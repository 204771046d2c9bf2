using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kabar.Storage.Sqlite;

/// <summary>A statement run through SQLite's own API, for those an ingest runs for every article or reads many rows
/// of: Microsoft.Data.Sqlite spends more on finding the statement, binding by name and checking each value than SQLite
/// spends on a small row (docs/benchmarks.md). Prepared when first run, then reused; parameters are bound by position
/// and stay bound; it runs in whatever transaction the connection has open.</summary>
internal sealed class NativeStatement(SqliteConnection connection, string sql) : IDisposable
{
    private sqlite3_stmt? _statement;

    private sqlite3 Db => connection.Handle!;

    /// <summary>Binds parameter <paramref name="index"/> (from 1) to <paramref name="value"/>, or NULL.</summary>
    public NativeStatement Bind(int index, long? value)
    {
        sqlite3_stmt statement = Prepared();
        Check(value is { } v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index));
        return this;
    }

    /// <summary>Binds parameter <paramref name="index"/> (from 1) to <paramref name="value"/>, or NULL.</summary>
    public NativeStatement Bind(int index, double? value)
    {
        sqlite3_stmt statement = Prepared();
        Check(value is { } v ? raw.sqlite3_bind_double(statement, index, v) : raw.sqlite3_bind_null(statement, index));
        return this;
    }

    /// <summary>Binds parameter <paramref name="index"/> (from 1) to <paramref name="value"/> as text, or NULL.</summary>
    public NativeStatement Bind(int index, string? value)
    {
        sqlite3_stmt statement = Prepared();
        Check(value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value));
        return this;
    }

    /// <summary>Binds parameter <paramref name="index"/> (from 1) to <paramref name="value"/> as a blob (an empty one
    /// too, never NULL).</summary>
    public NativeStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        sqlite3_stmt statement = Prepared();
        Check(value.IsEmpty ? raw.sqlite3_bind_zeroblob(statement, index, 0) : raw.sqlite3_bind_blob(statement, index, value));
        return this;
    }

    /// <summary>The number of the statement's last parameter.</summary>
    public int Parameters => raw.sqlite3_bind_parameter_count(Prepared());

    /// <summary>Runs the statement, giving each row to <paramref name="row"/>.</summary>
    public void Each(Action<NativeRow> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        sqlite3_stmt statement = Prepared();
        try
        {
            int rc;
            nint handle = statement.DangerousGetHandle();
            while ((rc = SqliteCalls.Step(handle)) == raw.SQLITE_ROW)
            {
                row(new NativeRow(statement, handle));
            }

            Check(rc, raw.SQLITE_DONE);
        }
        finally
        {
            // A statement left mid-way would keep its read transaction open.
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Runs a statement that returns no rows; returns the rows it changed.</summary>
    public int Execute()
    {
        Each(static _ => throw new InvalidOperationException("the statement returned rows"));
        return raw.sqlite3_changes(Db);
    }

    public void Dispose() => _statement?.Dispose();

    private sqlite3_stmt Prepared()
    {
        if (_statement is null)
        {
            Check(raw.sqlite3_prepare_v2(Db, sql, out sqlite3_stmt statement));
            _statement = statement;
        }

        return _statement;
    }

    private void Check(int rc, int expected = raw.SQLITE_OK)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, Db);
        }
    }
}

/// <summary>The native statements of one connection, each prepared once and kept until the connection's owner is
/// disposed.</summary>
internal sealed class NativeStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, NativeStatement> _statements = new(StringComparer.Ordinal);

    /// <summary>The statement of <paramref name="sql"/>, made on first use.</summary>
    public NativeStatement Get(string sql)
    {
        if (!_statements.TryGetValue(sql, out NativeStatement? statement))
        {
            statement = new NativeStatement(connection, sql);
            _statements[sql] = statement;
        }

        return statement;
    }

    public void Dispose()
    {
        foreach (NativeStatement statement in _statements.Values)
        {
            statement.Dispose();
        }
    }
}

/// <summary>The current row of a <see cref="NativeStatement"/>.</summary>
internal readonly struct NativeRow(sqlite3_stmt statement, nint handle)
{
    public bool IsNull(int column) => SqliteCalls.ColumnType(handle, column) == raw.SQLITE_NULL;

    public bool IsBlob(int column) => SqliteCalls.ColumnType(handle, column) == raw.SQLITE_BLOB;

    public long Int64(int column) => SqliteCalls.ColumnInt64(handle, column);

    public long? Int64OrNull(int column) => IsNull(column) ? null : Int64(column);

    public string? TextOrNull(int column) => IsNull(column) ? null : raw.sqlite3_column_text(statement, column).utf8_to_string();

    /// <summary>The column's bytes, valid until the next row.</summary>
    public ReadOnlySpan<byte> Blob(int column) => raw.sqlite3_column_blob(statement, column);
}

/// <summary>The calls made for every row, straight into SQLite: through SQLitePCL each also went through an interface
/// and took and released the statement's SafeHandle, which cost more than SQLite's own work for a column. Reading a
/// column of the current row neither blocks nor calls back, so it runs without a GC transition; a step may read the
/// disk, so it keeps one.</summary>
internal static class SqliteCalls
{
    private const string Library = "e_sqlite3";

    [DllImport(Library, EntryPoint = "sqlite3_step")]
    public static extern int Step(nint statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    public static extern int ColumnType(nint statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    public static extern long ColumnInt64(nint statement, int column);
}
