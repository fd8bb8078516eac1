using System.Runtime.InteropServices;

namespace Resonance.Storage.Sqlite;

/// <summary>
/// The few SQLite C functions the bulk paths call per value (bind, column) or per row (step), declared directly on the
/// native library that Microsoft.Data.Sqlite loads (<c>e_sqlite3</c>, SQLitePCLRaw's bundle; the name resolves through
/// the application's dependency manifest to the same file, so the same loaded library).
/// </summary>
/// <remarks>
/// SQLitePCLRaw passes statements as <see cref="SafeHandle"/>s, so each call adds and releases a reference and marshals
/// through a stub: on a 555k-row read of five columns that costs more than SQLite's own work. Here statements are plain
/// pointers that <see cref="RawStatement"/> keeps alive. The per-value calls (bind, column, changes) only copy memory
/// under the connection's uncontended mutex, so they skip the GC transition (<see cref="SuppressGCTransitionAttribute"/>:
/// no I/O, no blocking, no callbacks); step and reset can read or write the file and keep the normal transition.
/// </remarks>
internal static class SqliteNative
{
    private const string Library = "e_sqlite3";

    /// <summary><c>SQLITE_TRANSIENT</c>: SQLite copies the bound bytes before the call returns.</summary>
    public static readonly IntPtr Transient = new(-1);

    [DllImport(Library, EntryPoint = "sqlite3_bind_int64", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int BindInt64(IntPtr statement, int index, long value);

    [DllImport(Library, EntryPoint = "sqlite3_bind_double", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int BindDouble(IntPtr statement, int index, double value);

    /// <summary>Binds <paramref name="length"/> UTF-8 bytes from <paramref name="text"/>, copied (pass <see cref="Transient"/>).</summary>
    [DllImport(Library, EntryPoint = "sqlite3_bind_text", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int BindText(IntPtr statement, int index, ref byte text, int length, IntPtr destructor);

    [DllImport(Library, EntryPoint = "sqlite3_bind_null", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int BindNull(IntPtr statement, int index);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern long ColumnInt64(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_double", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern double ColumnDouble(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_text", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern IntPtr ColumnText(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int ColumnBytes(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_type", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int ColumnType(IntPtr statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_changes", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [SuppressGCTransition]
    public static extern int Changes(IntPtr db);

    [DllImport(Library, EntryPoint = "sqlite3_step", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Step(IntPtr statement);

    [DllImport(Library, EntryPoint = "sqlite3_reset", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    public static extern int Reset(IntPtr statement);
}
