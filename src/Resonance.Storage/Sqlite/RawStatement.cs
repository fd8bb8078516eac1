using System.Text;
using SQLitePCL;

namespace Resonance.Storage.Sqlite;

/// <summary>
/// A prepared statement driven below ADO.NET, for the bulk paths only: binding, stepping and reading columns directly
/// (<see cref="SqliteNative"/>) avoids ADO.NET's per-row parameter boxing and command bookkeeping and SQLitePCLRaw's
/// per-call handle references, which cost more than SQLite's own work on a 563k-row import or read.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    // Native pointers, valid while _stmt (and the connection that owns _db) is open: the handle's reference is held
    // from construction to Dispose, so the statement cannot be finalised under a call.
    private readonly IntPtr _dbPtr;
    private readonly IntPtr _stmtPtr;
    private bool _referenced;
    private byte[] _utf8 = new byte[1024];

    public RawStatement(sqlite3 db, string sql)
    {
        _db = db;
        Check(raw.sqlite3_prepare_v2(db, sql, out _stmt), sql);
        _stmt.DangerousAddRef(ref _referenced);
        _stmtPtr = _stmt.DangerousGetHandle();
        _dbPtr = db.DangerousGetHandle();
    }

    /// <summary>Binds a 1-based parameter.</summary>
    public void Bind(int index, long value) => CheckBind(SqliteNative.BindInt64(_stmtPtr, index, value), index);

    /// <summary>Binds an integer, or NULL.</summary>
    public void Bind(int index, long? value) =>
        CheckBind(value is { } v ? SqliteNative.BindInt64(_stmtPtr, index, v) : SqliteNative.BindNull(_stmtPtr, index), index);

    public void Bind(int index, double value) => CheckBind(SqliteNative.BindDouble(_stmtPtr, index, value), index);

    /// <summary>Binds text, encoded as UTF-8 into a buffer reused for every bind (SQLite copies it), so a row's strings
    /// are not each allocated again as UTF-8; the bytes stored are the same as binding the string.</summary>
    public void Bind(int index, string? value)
    {
        if (value is null)
        {
            CheckBind(SqliteNative.BindNull(_stmtPtr, index), index);
            return;
        }
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < most)
        {
            _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
        }
        // The buffer is never empty, so an empty string still passes a valid pointer (a null one would bind NULL).
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        CheckBind(SqliteNative.BindText(_stmtPtr, index, ref _utf8[0], length, SqliteNative.Transient), index);
    }

    /// <summary>Binds a named parameter (for example <c>@from</c>); a name the SQL does not use is an error.</summary>
    public void Bind(string name, long value)
    {
        var index = raw.sqlite3_bind_parameter_index(_stmt, name);
        if (index == 0)
        {
            throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
        }
        Bind(index, value);
    }

    /// <summary>Runs the statement once; returns the number of rows it changed.</summary>
    public int Execute()
    {
        var rc = SqliteNative.Step(_stmtPtr);
        SqliteNative.Reset(_stmtPtr);
        if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            Check(rc, "step");
        }
        return SqliteNative.Changes(_dbPtr);
    }

    /// <summary>Steps a query: true with a row to read (<see cref="Int64"/>, <see cref="Double"/>), false when done
    /// (the statement is then reset, ready to run again).</summary>
    public bool Read()
    {
        var rc = SqliteNative.Step(_stmtPtr);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }
        SqliteNative.Reset(_stmtPtr);
        if (rc != raw.SQLITE_DONE)
        {
            Check(rc, "step");
        }
        return false;
    }

    /// <summary>A 0-based column of the current row as an integer (as <c>sqlite3_column_int64</c> converts it).</summary>
    public long Int64(int column) => SqliteNative.ColumnInt64(_stmtPtr, column);

    /// <summary>A 0-based column of the current row as a double (as <c>sqlite3_column_double</c> converts it).</summary>
    public double Double(int column) => SqliteNative.ColumnDouble(_stmtPtr, column);

    /// <summary>True when a 0-based column of the current row is NULL.</summary>
    public bool IsNull(int column) => SqliteNative.ColumnType(_stmtPtr, column) == raw.SQLITE_NULL;

    /// <summary>A 0-based column of the current row as UTF-8 text (as <c>sqlite3_column_text</c> converts it; empty for
    /// NULL), copied into <paramref name="buffer"/> (grown when too small).</summary>
    public ReadOnlySpan<byte> Utf8(int column, ref byte[] buffer)
    {
        var text = SqliteNative.ColumnText(_stmtPtr, column); // first: it may convert the value, which sets its length
        if (text == IntPtr.Zero)
        {
            return [];
        }

        var length = SqliteNative.ColumnBytes(_stmtPtr, column);
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }

        System.Runtime.InteropServices.Marshal.Copy(text, buffer, 0, length);
        return buffer.AsSpan(0, length);
    }

    public void Dispose()
    {
        if (_referenced)
        {
            _stmt.DangerousRelease();
            _referenced = false;
        }
        _stmt.Dispose();
    }

    private void CheckBind(int rc, int index)
    {
        if (rc != raw.SQLITE_OK)
        {
            Check(rc, $"bind of parameter {index}");
        }
    }

    private void Check(int rc, string what)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new Microsoft.Data.Sqlite.SqliteException($"SQLite error {rc} ({raw.sqlite3_errmsg(_db).utf8_to_string()}) in {what}.", rc);
        }
    }
}
