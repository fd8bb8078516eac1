using Resonance.Application.Importing;
using Resonance.Application.Scoring;
using Resonance.Tests.Shared;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>Scoring the real Higgs data from the database into a persisted run, on both providers.</summary>
[Trait("Category", "Slow")]
public sealed class HiggsScoringTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Score_Higgs_RunIsPersistedExplainableAndReproducibleBitForBit(string provider)
    {
        var path = SharedData.File("higgs-twitter/higgs-activity_time.txt");
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        await new ImportService(store).RunAsync([Sources.File(path, "higgs-activity")], new ImportOptions("higgs-activity"), ct: ct);
        // The store's reader (below ADO.NET on SQLite) gives exactly the rows and values a plain data reader gives.
        var everything = await store.LoadScoringInputAsync(null, long.MinValue + 1, long.MaxValue, ct);
        Assert.Equal(await PlainInteractionsAsync(db), Rows(everything));
        var service = new ScoringService(store);
        var request = new ScoreRequest(ScoringAlgorithms.Default, Seed: 3);

        var first = await service.RunAsync(request, ct: ct);
        var second = await service.RunAsync(request with { DegreeOfParallelism = 1 }, ct: ct);

        // Every interaction of the week is inside the 90-day window; self-interactions are dropped.
        var selfInteractions = await db.ScalarAsync("SELECT COUNT(*) FROM interactions WHERE actor_id = target_id");
        Assert.Equal(563_069 - selfInteractions, first.WatermarkInteractions);
        Assert.Equal(first.WatermarkInteractions, second.WatermarkInteractions);
        Assert.NotEqual(first.Id, second.Id);
        var a = await store.AllScoresAsync(first.Id, ct);
        var b = await store.AllScoresAsync(second.Id, ct);
        Assert.Equal(first.AccountsScored, a.Count);
        Assert.Equal(a, b); // records of doubles: bit-identical scores, intervals, raw and sub-scores
        Assert.Equal(first.CalibrationQuantiles, (await store.GetRunAsync(second.Id, ct))!.CalibrationQuantiles);
        // The same partition for any thread count: every community and every scored account's standing.
        Assert.Equal(await store.CommunitiesAsync(first.Id, ct), await store.CommunitiesAsync(second.Id, ct));
        Assert.Equal(await store.AllCommunityStandingsAsync(first.Id, ct), await store.AllCommunityStandingsAsync(second.Id, ct));
        Assert.Equal(first.AccountsScored, (await store.AllCommunityStandingsAsync(first.Id, ct)).Count);

        var explain = new ExplainService(store);
        foreach (var score in a.Take(20).Concat(a.Skip(a.Count / 2).Take(5)))
        {
            var who = (await store.DescribeAccountsAsync([score.AccountId], ct))[score.AccountId];
            var e = await explain.ExplainAsync(first.Id, who, ct: ct);
            Assert.True(Math.Abs(e.Residual) < 1e-9, $"{who.Label}: residual {e.Residual:E2}");
        }

        var top = (await store.DescribeAccountsAsync([a[0].AccountId], ct))[a[0].AccountId];
        var diff = await new DiffService(store).DiffAsync(top, first.Id, second.Id, ct);
        Assert.Equal(0.0, diff.Total);
        Assert.Empty(diff.Contributors);
    }

    private static async Task<List<(long, long, short, long, double)>> PlainInteractionsAsync(TestDatabase db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT actor_id, target_id, kind, occurred_at_ms, weight FROM interactions";
        await using var reader = await cmd.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<(long, long, short, long, double)>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt16(2), reader.GetInt64(3), reader.GetDouble(4)));
        }
        rows.Sort();
        return rows;
    }

    private static List<(long, long, short, long, double)> Rows(ScoringInput input)
    {
        var rows = Enumerable.Range(0, input.InteractionCount)
            .Select(i => (input.ActorIds[i], input.TargetIds[i], (short)input.Kinds[i], input.TimesMs[i], input.Weights[i])).ToList();
        rows.Sort();
        return rows;
    }
}
