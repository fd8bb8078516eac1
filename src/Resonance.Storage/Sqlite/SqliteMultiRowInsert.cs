using SQLitePCL;

namespace Resonance.Storage.Sqlite;

/// <summary>Binds one row's values into a statement, starting after parameter <paramref name="offset"/> (parameters are 1-based).</summary>
internal delegate void RowBinder<T>(RawStatement statement, int offset, in T row);

/// <summary>
/// The bulk path's prepared multi-row insert: one execution per <see cref="RowsPerStatement"/> rows through
/// <see cref="RawStatement"/>, and a one-row statement for the remainder. Use inside the caller's transaction.
/// </summary>
internal sealed class SqliteMultiRowInsert<T> : IDisposable
{
    /// <summary>Rows per multi-row insert: one statement execution per 64 rows instead of per row.</summary>
    public const int RowsPerStatement = 64;

    private readonly RawStatement _one;
    private readonly RawStatement _many;
    private readonly int _columns;
    private readonly RowBinder<T> _bind;

    /// <param name="insert">The statement up to <c>VALUES</c>, for example <c>INSERT INTO t (a, b) VALUES </c>.</param>
    public SqliteMultiRowInsert(sqlite3 db, string insert, int columns, RowBinder<T> bind)
    {
        _columns = columns;
        _bind = bind;
        var row = "(" + string.Join(",", Enumerable.Repeat("?", columns)) + ")";
        _one = new RawStatement(db, insert + row);
        try
        {
            _many = new RawStatement(db, insert + string.Join(",", Enumerable.Repeat(row, RowsPerStatement)));
        }
        catch
        {
            _one.Dispose();
            throw;
        }
    }

    /// <summary>Inserts every row, in order; returns the number of rows added (less than offered under <c>OR IGNORE</c>).</summary>
    public long Insert(ReadOnlySpan<T> rows, CancellationToken ct = default)
    {
        long added = 0;
        var next = 0;
        for (; next + RowsPerStatement <= rows.Length; next += RowsPerStatement)
        {
            if ((next & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
            for (var r = 0; r < RowsPerStatement; r++)
            {
                _bind(_many, r * _columns, in rows[next + r]);
            }
            added += _many.Execute();
        }
        for (; next < rows.Length; next++)
        {
            _bind(_one, 0, in rows[next]);
            added += _one.Execute();
        }
        return added;
    }

    public void Dispose()
    {
        _one.Dispose();
        _many.Dispose();
    }
}
