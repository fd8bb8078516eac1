using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Resonance.Application.Importing;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Sqlite;

/// <summary>The embedded default: one SQLite file. Its migrations live in <c>Resonance.Storage.Sqlite</c>.</summary>
public sealed class SqliteResonanceStore(DatabaseLocation location) : RelationalResonanceStore(location)
{
    public const string MigrationsAssembly = "Resonance.Storage.Sqlite";

    protected override string MigrationsAssemblyName => MigrationsAssembly;

    public override DbContextOptions<ResonanceDbContext> ContextOptions { get; } =
        new DbContextOptionsBuilder<ResonanceDbContext>()
            .UseSqlite(location.ConnectionString, o => o.MigrationsAssembly(MigrationsAssembly))
            .Options;

    public override async Task<IImportSession> BeginImportAsync(CancellationToken ct = default)
    {
        await EnsureSchemaAsync(ct).ConfigureAwait(false);
        return await SqliteImportSession.BeginAsync(Location.ConnectionString, ct).ConfigureAwait(false);
    }

    private protected override Task<long> InsertRunAsync(ScoreRunDraft run, CancellationToken ct) =>
        SqliteScoreRunWriter.SaveAsync(Location.ConnectionString, run, ct);

    protected override async Task<DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(Location.ConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        return connection;
    }
}
