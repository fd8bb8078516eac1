using Resonance.Application.Importing;
using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Signals;
using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Domain;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>Near-duplicate text reaches resonance@2 runs and audits through the real store: a generated community is
/// imported, the run's window is loaded as <c>resonance score</c> loads it (post texts included for @2), and the planted
/// bots, which post their campaign's template, get the signal; with every text made unique it reads 0.</summary>
public sealed class NearDuplicateRunTests
{
    private static readonly SyntheticDataset Community = SyntheticNetworkGenerator.Generate(new SyntheticOptions { People = 400, Seed = 20261126 });

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_resonance2_run_reads_the_bots_near_duplicate_text_from_the_store(string provider)
    {
        var (db, store) = await ImportedAsync(provider, Community.Records);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;

        var run = await new ScoringService(store).RunAsync(new ScoreRequest(new AlgorithmId("resonance", 2), Communities: false), ct: ct);
        var input = await store.LoadWindowAsync(run.Parameters, ct);
        var (nearDuplicate, ids) = await NearDuplicateAsync(store, input, run.Parameters);

        Assert.NotNull(input.Texts);
        Assert.Equal(input.PostAuthorIds.Length, input.Texts.Count);
        var bots = Community.Truth.Bots.Select(b => nearDuplicate.Scores[ids[b]]).ToArray();
        Assert.True(bots.Length >= 10 && bots.All(s => s == 1), $"bots' near-duplicate scores: {string.Join(", ", bots)}");
        var genuine = Genuine().Where(ids.ContainsKey).Select(g => nearDuplicate.Scores[ids[g]]).ToArray();
        Assert.True(genuine.Count(s => s > 0) <= genuine.Length / 100, $"{genuine.Count(s => s > 0)} of {genuine.Length} genuine accounts score");

        // The saved run is the computation with the texts (raw scores bit for bit), and without them it would differ.
        var stored = (await store.AllScoresAsync(run.Id, ct)).ToDictionary(s => s.AccountId, s => s.Raw);
        var withTexts = ScoringPipeline.Score(input, run.Parameters, intervals: false, ct: ct);
        var withoutTexts = ScoringPipeline.Score(input.WithTexts(null), run.Parameters, intervals: false, ct: ct);
        Assert.All(stored, s => Assert.Equal(s.Value, withTexts.Raw[Array.BinarySearch(withTexts.Graph.AccountIds, s.Key)]));
        Assert.NotEqual(withTexts.Raw, withoutTexts.Raw);

        // resonance audit reads the same signal for a bot.
        var bot = await store.FindAccountAsync("synthetic", Community.Truth.Bots[0], ct);
        var audit = AccountAudit.Run(input, run.Parameters, bot!.Id)!;
        Assert.Equal(1, audit.Signals.Single(s => s.Name == "near-duplicate").Score);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Near_duplicate_text_reads_zero_when_every_text_differs(string provider)
    {
        var (db, store) = await ImportedAsync(provider, Community.Records.Select(Unique));
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var p = await new ScoringService(store).ResolveAsync(new ScoreRequest(new AlgorithmId("resonance", 2)), ct);

        var input = await store.LoadWindowAsync(p, ct);
        var (nearDuplicate, ids) = await NearDuplicateAsync(store, input, p);

        Assert.True(input.Texts!.Texts.Count(t => t is not null) > 1000);
        Assert.All(Community.Truth.Bots, b => Assert.Equal(0, nearDuplicate.Values[ids[b]]));
        Assert.All(nearDuplicate.Values, v => Assert.Equal(0, v));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_versions_with_defences_load_post_texts(string provider)
    {
        var (db, store) = await ImportedAsync(provider, Community.Records);
        await using var _ = db;
        await using var __ = store;
        var ct = TestContext.Current.CancellationToken;
        var service = new ScoringService(store);

        var v1 = await store.LoadWindowAsync(await service.ResolveAsync(new ScoreRequest(new AlgorithmId("resonance", 1)), ct), ct);
        var v2 = await store.LoadWindowAsync(await service.ResolveAsync(new ScoreRequest(new AlgorithmId("resonance", 2)), ct), ct);

        Assert.Null(v1.Texts);
        Assert.NotNull(v2.Texts);
        // Replies and quotes are not originals and travel without their text.
        Assert.Contains(v2.Texts.IsOriginal, o => !o);
        Assert.All(Enumerable.Range(0, v2.Texts.Count).Where(k => !v2.Texts.IsOriginal[k]), k => Assert.Null(v2.Texts.Texts[k]));
        Assert.Equal(v2.PostAuthorIds.Order(), v2.Texts.AuthorIds.Order());
    }

    /// <summary>The near-duplicate signal of the @2 model on the window, and each external id's index in its log.</summary>
    private static async Task<(SignalResult Signal, Dictionary<string, int> Ids)> NearDuplicateAsync(IScoreStore store, ScoringInput input, ScoringParameters p)
    {
        var model = EngagementGraph.Build(input, p).Integrity!;
        var storeIds = model.Log.AccountIds.Select(long.Parse).ToArray();
        var names = await store.DescribeAccountsAsync(storeIds, TestContext.Current.CancellationToken);
        var ids = Enumerable.Range(0, storeIds.Length).ToDictionary(a => names[storeIds[a]].ExternalId, a => a, StringComparer.Ordinal);
        return (model.Signals.Single(s => s.Name == "near-duplicate"), ids);
    }

    private static IEnumerable<string> Genuine()
    {
        var t = Community.Truth;
        var planted = t.Bots.Concat(t.PodMembers).Concat(t.FarmAccounts).ToHashSet(StringComparer.Ordinal);
        return t.Communities.SelectMany(c => c.MemberIds).Where(m => !planted.Contains(m));
    }

    /// <summary>The record with its post's text replaced by words spelled from the post id, shared with no other post.</summary>
    private static SourceRecord Unique(SourceRecord r)
    {
        if (r.Post is not { } post)
        {
            return r;
        }

        var words = Enumerable.Range(0, 8).Select(k => new string([.. $"{post.ExternalId}x{k}".Select(c => char.IsAsciiDigit(c) ? (char)('a' + c - '0') : c)]));
        return SourceRecord.Of(r.Line, post with { Text = string.Join(' ', words) });
    }

    private static async Task<(TestDatabase, RelationalResonanceStore)> ImportedAsync(string provider, IEnumerable<SourceRecord> records)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        await new ImportService(store).RunAsync([new ImportSource("generated.jsonl", records, () => 0, 0)], new ImportOptions("jsonl"),
            ct: TestContext.Current.CancellationToken);
        return (db, store);
    }
}
