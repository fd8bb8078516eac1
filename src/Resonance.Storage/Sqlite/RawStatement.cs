using System.Text;
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
    private byte[] _utf8 = new byte[1024];

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _stmt), sql);
    }

    /// <summary>Binds a 1-based parameter.</summary>
    public void Bind(int index, long value) => raw.sqlite3_bind_int64(_stmt, index, value);

    public void Bind(int index, double value) => raw.sqlite3_bind_double(_stmt, index, value);

    /// <summary>Binds text, encoded as UTF-8 into a buffer reused for every bind (SQLite copies it), so a row's strings
    /// are not each allocated again as UTF-8; the bytes stored are the same as binding the string.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_stmt, index);
            return;
        }
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < most)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }
        raw.sqlite3_bind_text(_stmt, index, _utf8.AsSpan(0, Encoding.UTF8.GetBytes(value, _utf8)));
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
