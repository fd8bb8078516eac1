using Resonance.Application.Members;
using Resonance.Application.Stats;

namespace Resonance.Application.Importing;

/// <summary>The database behind Resonance (SQLite or PostgreSQL), as the application sees it.</summary>
public interface IResonanceStore : IAsyncDisposable
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    string Provider { get; }

    /// <summary>Where the data lives, safe to print (no password).</summary>
    string Location { get; }

    /// <summary>Applies pending schema migrations; returns the names of those applied.</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default);

    /// <summary>Throws <see cref="StoreNotReadyException"/> when the schema is missing or out of date.</summary>
    Task EnsureSchemaAsync(CancellationToken ct = default);

    /// <summary>Starts one all-or-nothing import: nothing is visible to others until <see cref="IImportSession.CommitAsync"/>.</summary>
    Task<IImportSession> BeginImportAsync(CancellationToken ct = default);

    /// <summary>The tombstones of opted-out accounts, which imports skip.</summary>
    Task<ErasedAccounts> LoadErasedAccountsAsync(CancellationToken ct = default);

    /// <summary>Counts by network and kind, time range and the most-engaged accounts.</summary>
    Task<DatasetStats> GetStatsAsync(int topAccounts, CancellationToken ct = default);
}

/// <summary>One import transaction. Disposing it without committing rolls everything back.</summary>
public interface IImportSession : IAsyncDisposable
{
    /// <summary>Writes a batch inside the transaction, skipping records whose natural key is already stored.</summary>
    Task<ImportCounts> WriteAsync(ImportBatch batch, CancellationToken ct = default);

    /// <summary>
    /// Records the import run and commits the transaction. Returns the counts as recorded: those of
    /// <paramref name="run"/>, corrected where the store only found some duplicates at commit.
    /// </summary>
    Task<ImportCounts> CommitAsync(ImportRunRecord run, CancellationToken ct = default);
}

/// <summary>The row kept for every committed import, so that operators can see what came from where.</summary>
public sealed record ImportRunRecord(
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    string Format,
    IReadOnlyList<string> Files,
    bool Lenient,
    ImportCounts Counts,
    long RecordsRead,
    long ErrorsSkipped);

/// <summary>The database cannot be used yet (no schema, or an older one).</summary>
public sealed class StoreNotReadyException(string message) : Exception(message);
