using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;
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

    /// <summary>EF Core options for this database, with the provider's own migrations assembly. Built on first use:
    /// scoring, importing and the read commands use plain ADO.NET, and building the options (EF Core's event-id tables,
    /// option extensions) cost about 60 JIT-compiled methods at the start of every command.</summary>
    public DbContextOptions<ResonanceDbContext> ContextOptions =>
        LazyInitializer.EnsureInitialized(ref _contextOptions, BuildContextOptions);

    private DbContextOptions<ResonanceDbContext>? _contextOptions;

    /// <summary>Builds <see cref="ContextOptions"/>, once.</summary>
    protected abstract DbContextOptions<ResonanceDbContext> BuildContextOptions();

    /// <summary>Creates a context (the caller disposes it).</summary>
    public ResonanceDbContext CreateContext() => new(ContextOptions);

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        await using var db = CreateContext();
        var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).ToList();
        await db.Database.MigrateAsync(ct).ConfigureAwait(false);
        _schemaReady = true;
        return pending;
    }

    private bool _schemaReady;

    /// <summary>Checks once per store instance that every migration of this build is applied: the applied ids are read
    /// with plain SQL and compared with the provider assembly's <see cref="MigrationAttribute"/>s, which avoids building
    /// the EF Core model (about 0.7 s of start-up for a CLI run without tiered JIT) on every command.</summary>
    public async Task EnsureSchemaAsync(CancellationToken ct = default)
    {
        if (_schemaReady)
        {
            return;
        }

        var known = KnownMigrations;
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var connection = await OpenConnectionAsync(ct).ConfigureAwait(false))
        {
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    applied.Add(reader.GetString(0));
                }
            }
            catch (DbException)
            {
                // No history table: nothing is applied; the message below lists every migration.
            }
        }

        var pending = known.Where(m => !applied.Contains(m)).ToList();
        if (pending.Count > 0)
        {
            throw new StoreNotReadyException(
                $"The database at {Location.Display} needs {pending.Count} schema migration(s) ({string.Join(", ", pending)}). Run `resonance db migrate` first.");
        }

        _schemaReady = true;
    }

    /// <summary>The migration ids of this provider's migrations assembly, in order.</summary>
    private IReadOnlyList<string> KnownMigrations =>
        Assembly.Load(MigrationsAssemblyName).GetTypes()
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The assembly that holds this provider's migrations.</summary>
    protected abstract string MigrationsAssemblyName { get; }

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
