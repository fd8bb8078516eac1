using Resonance.Storage.Postgres;
using Resonance.Storage.Sqlite;

namespace Resonance.Storage;

/// <summary>Opens the store a <c>--db</c> value names.</summary>
public static class ResonanceStores
{
    /// <summary>Opens SQLite or PostgreSQL according to <see cref="DatabaseLocation.Parse"/>.</summary>
    public static RelationalResonanceStore Open(string? db) => Open(DatabaseLocation.Parse(db));

    public static RelationalResonanceStore Open(DatabaseLocation location) => location.Provider switch
    {
        DatabaseLocation.Postgres => new PostgresResonanceStore(location),
        _ => new SqliteResonanceStore(location),
    };
}
