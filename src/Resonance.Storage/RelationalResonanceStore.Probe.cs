namespace Resonance.Storage;

public abstract partial class RelationalResonanceStore
{
    /// <summary>True when <paramref name="sql"/> (a query) returns a row, asked with plain ADO.NET.</summary>
    /// <remarks>Imports ask before every run whether anyone has opted out or has a claim pending; both are usually
    /// not the case, and answering through EF Core would build its model and compile a query first (0.5 s or more of a
    /// CLI import without tiered JIT). The EF Core path runs only when there is something to load.</remarks>
    private async Task<bool> HasRowAsync(string sql, CancellationToken ct)
    {
        await using var connection = await OpenConnectionAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is not (null or DBNull);
    }
}
