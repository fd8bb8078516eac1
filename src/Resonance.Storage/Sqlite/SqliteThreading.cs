using SQLitePCL;

namespace Resonance.Storage.Sqlite;

/// <summary>Puts SQLite in multi-thread mode (<c>SQLITE_CONFIG_MULTITHREAD</c>) before its first connection, where it can.</summary>
/// <remarks>In the default serialized mode every call on a connection or statement locks the connection's mutex: the bulk
/// readers make several native calls per row (a step and one per column), and the locks were about a fifth of a run's
/// load (2.48 M interactions at 30,000 people: 1.73–1.84 CPU-s serialized, 1.46–1.51 multi-thread; bench/README.md).
/// Multi-thread mode drops those locks and requires that no connection, nor a statement of it, be used by two threads
/// at once, which ADO.NET's connections (not thread-safe), EF Core's contexts and this store (a connection per query,
/// per import, per save) already guarantee. SQLite accepts the setting only before it is initialised: in a process that
/// opened a SQLite connection before the first store (another library, a test), the call is refused
/// (<c>SQLITE_MISUSE</c>) and SQLite stays serialized, which is only slower.</remarks>
internal static class SqliteThreading
{
    private static readonly int Result = Configure();

    /// <summary>Applies the setting once per process (the first call does it); true when SQLite runs in multi-thread mode.</summary>
    public static bool Ensure() => Result == raw.SQLITE_OK;

    private static int Configure()
    {
        Batteries_V2.Init();
        return raw.sqlite3_config(raw.SQLITE_CONFIG_MULTITHREAD);
    }
}
