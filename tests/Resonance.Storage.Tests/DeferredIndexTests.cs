using Resonance.Application.Importing;

namespace Resonance.Storage.Tests;

/// <summary>Imports defer secondary indexes of empty bulk tables to commit; the schema must come out unchanged.</summary>
public sealed class DeferredIndexTests
{
    private static async Task<List<string>> IndexDefinitionsAsync(TestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = db.Location.Provider == DatabaseLocation.Postgres
            ? "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
            : "SELECT name || ': ' || coalesce(sql, '(automatic)') FROM sqlite_master WHERE type = 'index' ORDER BY name";
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }
        return list;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportIntoEmptyDatabase_CommittedOrFailed_LeavesTheMigratedIndexes(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var migrated = await IndexDefinitionsAsync(db);
        var service = new ImportService(store);
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<ImportFailedException>(() => service.RunAsync(
            [Sources.Text("bad.txt", "1 2 1341100972 RT\n3 4 x MT\n", "higgs-activity")], new ImportOptions("higgs-activity"), ct: ct));
        var afterFailure = await IndexDefinitionsAsync(db);
        var result = await service.RunAsync(
            [Sources.Text("ok.txt", "1 2 1341100972 RT\n3 2 1341100973 MT\n3 2 1341100973 MT\n", "higgs-activity")], new ImportOptions("higgs-activity"), ct: ct);
        var afterSuccess = await IndexDefinitionsAsync(db);

        Assert.Contains(migrated, d => d.Contains("ix_interactions_target", StringComparison.Ordinal));
        Assert.Equal(migrated, afterFailure);
        Assert.Equal(migrated, afterSuccess);
        Assert.Equal(2, result.Counts.InteractionsAdded);
        Assert.Equal(1, result.Counts.InteractionsDuplicate);
        Assert.Equal(3, (await store.GetStatsAsync(1, ct)).Accounts);
    }
}
