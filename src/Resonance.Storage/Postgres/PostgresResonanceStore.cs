using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Resonance.Application.Importing;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Postgres;

/// <summary>PostgreSQL for production. Its migrations live in <c>Resonance.Storage.Postgres</c>.</summary>
public sealed class PostgresResonanceStore : RelationalResonanceStore
{
    public const string MigrationsAssembly = "Resonance.Storage.Postgres";

    private readonly NpgsqlDataSource _dataSource;

    public PostgresResonanceStore(DatabaseLocation location) : base(location)
    {
        _dataSource = NpgsqlDataSource.Create(location.ConnectionString);
    }

    protected override string MigrationsAssemblyName => MigrationsAssembly;

    protected override DbContextOptions<ResonanceDbContext> BuildContextOptions() =>
        new DbContextOptionsBuilder<ResonanceDbContext>()
            .UseNpgsql(_dataSource, o => o.MigrationsAssembly(MigrationsAssembly))
            .Options;

    public override async Task<IImportSession> BeginImportAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        return await PostgresImportSession.BeginAsync(_dataSource, ct).ConfigureAwait(false);
    }

    private protected override Task<long> InsertRunAsync(ScoreRunDraft run, CancellationToken ct) =>
        PostgresScoreRunWriter.SaveAsync(_dataSource, run, ct);

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct) =>
        await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);

    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
