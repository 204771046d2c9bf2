using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Kabar.Storage.Sqlite;

/// <summary>A query run through SQLite's own API, for the few that read many rows of integers: Microsoft.Data.Sqlite's
/// reader spends more on its checks and conversions for each value than SQLite spends finding the row. Prepared when
/// first run, then reused; it runs in whatever transaction the connection has open.</summary>
internal sealed class NativeStatement(SqliteConnection connection, string sql) : IDisposable
{
    private sqlite3_stmt? _statement;

    /// <summary>Runs the query with <paramref name="parameters"/> bound in order, giving each row to
    /// <paramref name="row"/>.</summary>
    public void Each(Action<NativeRow> row, params ReadOnlySpan<long> parameters)
    {
        ArgumentNullException.ThrowIfNull(row);
        sqlite3 db = connection.Handle!;
        if (_statement is null)
        {
            Check(raw.sqlite3_prepare_v2(db, sql, out sqlite3_stmt statement), db);
            _statement = statement;
        }

        try
        {
            for (int i = 0; i < parameters.Length; i++)
            {
                Check(raw.sqlite3_bind_int64(_statement, i + 1, parameters[i]), db);
            }

            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                row(new NativeRow(_statement));
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }
        }
        finally
        {
            // A statement left mid-way would keep its read transaction open.
            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement?.Dispose();

    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}

/// <summary>The current row of a <see cref="NativeStatement"/>.</summary>
internal readonly struct NativeRow(sqlite3_stmt statement)
{
    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public long? Int64OrNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL ? null : Int64(column);
}
