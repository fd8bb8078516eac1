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

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ImportIntoEmptyDatabase_DuplicatesAcrossBatches_KeepTheFirstWeightAndAreCounted(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        // Two records per batch: the second batch repeats both interactions of the first with other weights.
        var jsonl = """
            {"type":"interaction","network":"mastodon","time":"2024-05-01T12:03:00Z","actor":"1","target":"2","kind":"like","weight":2}
            {"type":"interaction","network":"mastodon","time":"2024-05-01T12:04:00Z","actor":"3","target":"2","kind":"like","weight":3}
            {"type":"interaction","network":"mastodon","time":"2024-05-01T12:04:00Z","actor":"3","target":"2","kind":"like","weight":7}
            {"type":"interaction","network":"mastodon","time":"2024-05-01T12:03:00Z","actor":"1","target":"2","kind":"like","weight":5}
            """;

        var result = await new ImportService(store).RunAsync(
            [Sources.Text("d.jsonl", jsonl, "jsonl")], new ImportOptions("jsonl", BatchSize: 2), ct: ct);

        Assert.Equal((2L, 2L), (result.Counts.InteractionsAdded, result.Counts.InteractionsDuplicate));
        Assert.Equal(2, await db.ScalarAsync("SELECT interactions_added FROM import_runs"));
        Assert.Equal(2, await db.ScalarAsync("SELECT duplicates_skipped FROM import_runs"));
        // First weights kept: 2 for actor 1 and 3 for actor 3 give 1*2 + 3*3 = 11 (the later ones would give 26).
        Assert.Equal(11, await db.ScalarAsync(
            "SELECT CAST(sum(i.weight * CAST(a.external_id AS integer)) AS integer) FROM interactions i JOIN accounts a ON a.id = i.actor_id"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DuplicatesWithinOneBatch_KeepTheFirstWeight_WhateverTheSortDoesWithEqualKeys(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        // 200 likes of one (actor, target) pair at 100 times, each time twice: first with weight 1, then with weight 2.
        // Every row has the same sort key (actor, target), far more than the 16 an introsort leaves in insertion order,
        // so an unstable sort would put some second copies first and keep them.
        var lines = new System.Text.StringBuilder();
        for (var copy = 1; copy <= 2; copy++)
        {
            for (var t = 0; t < 100; t++)
            {
                lines.Append(System.Globalization.CultureInfo.InvariantCulture, $$"""{"type":"interaction","network":"mastodon","time":"2024-05-01T12:{{t / 60:00}}:{{t % 60:00}}Z","actor":"1","target":"2","kind":"like","weight":{{copy}}}""").Append('\n');
            }
        }

        var result = await new ImportService(store).RunAsync(
            [Sources.Text("d.jsonl", lines.ToString(), "jsonl")], new ImportOptions("jsonl", BatchSize: 1000), ct: ct);

        Assert.Equal((100L, 100L), (result.Counts.InteractionsAdded, result.Counts.InteractionsDuplicate));
        Assert.Equal(100, await db.ScalarAsync("SELECT CAST(sum(weight) AS integer) FROM interactions"));
    }

    [Fact]
    public async Task ImportIntoEmptyPostgres_PrimaryKeyReferencedByAForeignKey_StaysAndTheImportSucceeds()
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(DatabaseLocation.Postgres);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        await using (var connection = await db.OpenConnectionAsync())
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "CREATE TABLE claims_probe (account_id bigint REFERENCES accounts (id))";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var migrated = await IndexDefinitionsAsync(db);

        var result = await new ImportService(store).RunAsync(
            [Sources.Text("ok.txt", "1 2 1341100972 RT\n3 2 1341100973 MT\n3 2 1341100973 MT\n", "higgs-activity")], new ImportOptions("higgs-activity"), ct: ct);

        Assert.Equal((3L, 2L, 1L), (result.Counts.AccountsAdded, result.Counts.InteractionsAdded, result.Counts.InteractionsDuplicate));
        Assert.Equal(migrated, await IndexDefinitionsAsync(db));
    }
}
