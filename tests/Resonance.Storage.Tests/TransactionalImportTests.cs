using Resonance.Application.Importing;
using Resonance.Tests.Shared;

namespace Resonance.Storage.Tests;

/// <summary>Strict imports are all-or-nothing; lenient imports skip, report and commit the rest.</summary>
public sealed class TransactionalImportTests
{
    /// <summary>Copies the first <paramref name="lines"/> lines of Higgs activity, replacing some with garbage.</summary>
    private static string GarbledCopy(int lines, params int[] garbledLines)
    {
        var source = SharedData.File("higgs-twitter/higgs-activity_time.txt");
        var dir = Directory.CreateTempSubdirectory("resonance-garbled-").FullName;
        var path = Path.Combine(dir, "garbled.txt");
        var n = 0;
        System.IO.File.WriteAllLines(path, System.IO.File.ReadLines(source).Take(lines).Select(l => ++n switch
        {
            var x when garbledLines.Contains(x) => l.Replace(" RT", " XX", StringComparison.Ordinal).Replace(" MT", " XX", StringComparison.Ordinal).Replace(" RE", " XX", StringComparison.Ordinal),
            _ => l,
        }));
        return path;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task StrictImport_GarbledLineAfterSeveralBatches_FailsAtThatLineAndChangesNothing(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var service = new ImportService(store);
        var ct = TestContext.Current.CancellationToken;
        await service.RunAsync([Sources.Text("seed.txt", "1 2 1341100972 RT\n3 2 1341100973 MT\n", "higgs-activity")], new ImportOptions("higgs-activity"), ct: ct);
        var before = await store.GetStatsAsync(10, ct);
        var path = GarbledCopy(30_000, 25_001);

        var failure = await Assert.ThrowsAsync<ImportFailedException>(() =>
            service.RunAsync([Sources.File(path, "higgs-activity")], new ImportOptions("higgs-activity", BatchSize: 5_000), ct: ct));

        Assert.Equal(25_001, failure.Error.Line);
        Assert.Equal(path, failure.Error.File);
        Assert.Contains($"{path}:25001:", failure.Message, StringComparison.Ordinal);
        var after = await store.GetStatsAsync(10, ct);
        Assert.Equal(before.Accounts, after.Accounts);
        Assert.Equal(before.Interactions, after.Interactions);
        Assert.Equal(before.ImportRuns, after.ImportRuns);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task LenientImport_GarbledLines_SkipsReportsAndCommitsTheRest(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var path = GarbledCopy(12_000, 7, 5_000, 11_999);
        var ct = TestContext.Current.CancellationToken;

        var result = await new ImportService(store).RunAsync([Sources.File(path, "higgs-activity")],
            new ImportOptions("higgs-activity", Lenient: true, BatchSize: 4_000), ct: ct);

        Assert.Equal(3, result.ErrorCount);
        Assert.Equal([7L, 5_000L, 11_999L], result.FirstErrors.Select(e => e.Line));
        Assert.Equal(11_997, result.RecordsRead);
        var stats = await store.GetStatsAsync(0, ct);
        Assert.Equal(result.Counts.InteractionsAdded, stats.Interactions);
        Assert.Equal(11_997 - result.Counts.InteractionsDuplicate, stats.Interactions);
        Assert.Equal(1, stats.ImportRuns);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_SecondTime_AppliesNothing(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;

        var applied = await store.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(applied);
        await store.EnsureSchemaAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_UnmigratedDatabase_SaysToRunMigrate(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var store = ResonanceStores.Open(db.Location);

        var e = await Assert.ThrowsAsync<StoreNotReadyException>(() => store.BeginImportAsync(TestContext.Current.CancellationToken));

        Assert.Contains("resonance db migrate", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Import_OverlappingFiles_SecondAddsOnlyTheNewRows(string provider)
    {
        var source = SharedData.File("higgs-twitter/higgs-activity_time.txt");
        var dir = Directory.CreateTempSubdirectory("resonance-overlap-").FullName;
        var first = Path.Combine(dir, "first.txt");
        var second = Path.Combine(dir, "second.txt");
        System.IO.File.WriteAllLines(first, System.IO.File.ReadLines(source).Take(6_000));
        System.IO.File.WriteAllLines(second, System.IO.File.ReadLines(source).Skip(3_000).Take(6_000));
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var service = new ImportService(store);
        var ct = TestContext.Current.CancellationToken;

        await service.RunAsync([Sources.File(first, "higgs-activity")], new ImportOptions("higgs-activity", BatchSize: 2_000), ct: ct);
        var result = await service.RunAsync([Sources.File(second, "higgs-activity")], new ImportOptions("higgs-activity", BatchSize: 2_000), ct: ct);

        Assert.Equal(3_000, result.Counts.InteractionsDuplicate);
        Assert.Equal(3_000, result.Counts.InteractionsAdded);
        Assert.Equal(9_000, (await store.GetStatsAsync(0, ct)).Interactions);
    }
}
