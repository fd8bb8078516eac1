using SQLitePCL;

namespace Resonance.Storage.Sqlite;

/// <summary>
/// A prepared statement driven through SQLitePCLRaw (the native layer under Microsoft.Data.Sqlite), for the bulk
/// path only: binding and stepping directly avoids ADO.NET's per-row parameter boxing and command bookkeeping,
/// which cost more than SQLite's own work on a 563k-row import.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _stmt), sql);
    }

    /// <summary>Binds a 1-based parameter.</summary>
    public void Bind(int index, long value) => raw.sqlite3_bind_int64(_stmt, index, value);

    public void Bind(int index, double value) => raw.sqlite3_bind_double(_stmt, index, value);

    public void Bind(int index, string? value)
    {
        if (value is null) { raw.sqlite3_bind_null(_stmt, index); }
        else { raw.sqlite3_bind_text(_stmt, index, value); }
    }

    /// <summary>Runs the statement once; returns the number of rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(_stmt);
        raw.sqlite3_reset(_stmt);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            Check(rc, "step");
        }
        return raw.sqlite3_changes(_db);
    }

    public void Dispose() => _stmt.Dispose();

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new Microsoft.Data.Sqlite.SqliteException($"SQLite error {rc} ({raw.sqlite3_errmsg(_db).utf8_to_string()}) in {what}.", rc);
        }
    }
}
