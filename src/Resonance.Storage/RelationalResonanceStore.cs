using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Resonance.Application.Importing;
using Resonance.Application.Stats;

namespace Resonance.Storage;

/// <summary>What SQLite and PostgreSQL stores share: EF Core migrations and the stats queries (portable SQL).</summary>
public abstract partial class RelationalResonanceStore(DatabaseLocation location) : IResonanceStore
{
    public DatabaseLocation Location { get; } = location;

    public string Provider => Location.Provider;

    string IResonanceStore.Location => Location.Display;

    /// <summary>EF Core options for this database, with the provider's own migrations assembly.</summary>
    public abstract DbContextOptions<ResonanceDbContext> ContextOptions { get; }

    /// <summary>Creates a context (the caller disposes it).</summary>
    public ResonanceDbContext CreateContext() => new(ContextOptions);

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        return pending;
    }

    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).ToList();
        if (pending.Count > 0)
        {
            throw new StoreNotReadyException(
                $"The database at {Location.Display} needs {pending.Count} schema migration(s) ({string.Join(", ", pending)}). Run `resonance db migrate` first.");
        }
    }

    public abstract Task<IImportSession> BeginImportAsync(CancellationToken ct = default);

    public async Task<DatasetStats> GetStatsAsync(int topAccounts, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(topAccounts);
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        return await StatsQueries.ReadAsync(connection, topAccounts, ct).ConfigureAwait(false);
    }

    /// <summary>Opens a plain ADO.NET connection for bulk work and reports.</summary>
    protected abstract Task<DbConnection> OpenConnectionAsync(CancellationToken ct);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
