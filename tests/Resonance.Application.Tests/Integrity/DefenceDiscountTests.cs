using Resonance.Application.Integrity.Discounts;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Scoring;
using Resonance.Application.Tests.Synthetic;
using Resonance.Domain;

namespace Resonance.Application.Tests.Integrity;

/// <summary>Every resonance@2 discount shown with its reason and amount (issue #4), on generated data with planted truth:
/// the replay reproduces the run bit for bit, the discounts add up, a planted bot's, pod member's and farm account's
/// engagement shows under the right defence, and a v1 → v2 diff is split between the defences exactly.</summary>
public sealed class DefenceDiscountTests
{
    private static readonly Lazy<Community> Shared = new(() => new Community());

    private static ScoringParameters Version(int version, long asOf) => ScoringAlgorithms.Defaults(new AlgorithmId("resonance", version), asOf);

    [Fact]
    public void The_replay_reproduces_the_run_and_every_account_s_discounts_add_up()
    {
        var c = Shared.Value;
        var defended = c.Stages.Defended;
        var checkedAccounts = 0;
        for (var v = 0; v < defended.Graph.NodeCount; v++)
        {
            if (!defended.Engaged[v] && v % 7 != 0)
            {
                continue;
            }

            // For() itself requires the replayed raw score to equal the run's bit for bit.
            var ledger = c.Stages.For(defended.Graph.AccountIds[v]);
            Assert.Equal(defended.Raw[v], ledger.Raw);
            Assert.True(Math.Abs(ledger.Residual) < 1e-9, $"{defended.Graph.AccountIds[v]}: residual {ledger.Residual:E2}");
            Assert.Equal(ledger.Raw - ledger.Undiscounted, ledger.Engagers.Sum(e => e.Contribution - e.Undiscounted) + ledger.Base - ledger.UndiscountedBase, 1e-9);
            checkedAccounts++;
        }

        Assert.True(checkedAccounts > 1000, $"only {checkedAccounts} accounts checked");
    }

    [Fact]
    public void A_planted_bot_s_engagement_shows_as_discounted_with_its_reason()
    {
        var c = Shared.Value;
        var bots = c.Sample.Truth.Bots.Select(b => c.Ids[b]).ToHashSet();
        var target = c.Sample.Interactions.First(i => c.Sample.Truth.Bots.Contains(i.ActorId) && i.Kind == InteractionKind.Like
            && c.Sample.Humans.Contains(i.TargetId) && !c.Sample.Truth.PodMembers.Contains(i.TargetId)).TargetId;

        var ledger = c.Stages.For(c.Ids[target]);

        var inauthentic = ledger.Defences.Single(d => d.Kind == DefenceKind.Inauthentic);
        var hit = ledger.Hit(DefenceKind.Inauthentic).ToList();
        var bot = hit.First(e => bots.Contains(e.EngagerId));
        Assert.True(bot.Step(DefenceKind.Inauthentic) < 0, "the bot's engagement was discounted");
        Assert.True(bot.Contribution <= 0.05 * bot.Undiscounted, $"a planted bot keeps {bot.Contribution} of {bot.Undiscounted}");
        Assert.True(bot.Weight < 0.05, $"bot weight {bot.Weight}");
        Assert.Contains(bot.Reasons, r => r.Signal is "rate" or "no-selectivity" or "follow-churn" && r.Score == 1);
        Assert.True(inauthentic.Amount < 0);
        Assert.Equal(inauthentic.Amount, inauthentic.Direct + inauthentic.Indirect, 12);
        Assert.Contains(ledger.StrongestReasons(DefenceKind.Inauthentic), r => r.Signal is "rate" or "no-selectivity" or "follow-churn");
        // Every planted bot that engaged the account is discounted, none is left at full weight.
        Assert.All(ledger.Engagers.Where(e => bots.Contains(e.EngagerId)), e => Assert.True(e.Hit(DefenceKind.Inauthentic)));
    }

    [Fact]
    public void Pod_reciprocity_and_follow_back_farm_follows_show_under_their_own_defences()
    {
        var c = Shared.Value;
        var pod = c.Sample.Truth.PodMembers.Select(m => c.Ids[m]).ToHashSet();
        var member = c.Sample.Truth.PodMembers.Order(StringComparer.Ordinal).First();
        var podLedger = c.Stages.For(c.Ids[member]);
        var partner = podLedger.Hit(DefenceKind.Pod).First();
        Assert.Contains(partner.EngagerId, pod);
        Assert.True(partner.Step(DefenceKind.Pod) < 0);
        Assert.True(partner.PodScore > 0.5, $"pod score {partner.PodScore}");
        Assert.True(podLedger.Defences.Single(d => d.Kind == DefenceKind.Pod).Amount < 0);

        var farm = c.Sample.Truth.FarmAccounts.Select(f => c.Ids[f]).ToHashSet();
        // Farm accounts follow each other back within minutes of being followed.
        var followedBack = c.Sample.Truth.FarmAccounts.Order(StringComparer.Ordinal).Select(f => c.Stages.For(c.Ids[f]))
            .First(l => l.Hit(DefenceKind.FollowBack).Any(e => farm.Contains(e.EngagerId)));
        var follower = followedBack.Hit(DefenceKind.FollowBack).First(e => farm.Contains(e.EngagerId));
        Assert.True(follower.FollowBacksDropped > 0);
        Assert.True(follower.Step(DefenceKind.FollowBack) < 0);
        Assert.True(followedBack.Defences.Single(d => d.Kind == DefenceKind.FollowBack).Amount < 0);
    }

    [Fact]
    public async Task A_v1_to_v2_diff_is_split_between_the_defences_exactly_both_ways()
    {
        var c = Shared.Value;
        var ct = TestContext.Current.CancellationToken;
        var store = new MemoryScoreStore(c.Input);
        var asOf = c.Input.LatestTimeMs!.Value;
        var v1 = await store.ScoreAsync(Version(1, asOf), ct);
        var v2 = await store.ScoreAsync(Version(2, asOf), ct);
        var scores1 = (await store.AllScoresAsync(v1.Id, ct)).ToDictionary(s => s.AccountId);
        var movers = (await store.AllScoresAsync(v2.Id, ct)).OrderByDescending(s => Math.Abs(s.Score - scores1.GetValueOrDefault(s.AccountId)?.Score ?? 1))
            .ThenBy(s => s.AccountId).Take(3).Select(s => s.AccountId);
        var botTarget = c.Ids[c.Sample.Interactions.First(i => c.Sample.Truth.Bots.Contains(i.ActorId) && c.Sample.Humans.Contains(i.TargetId)).TargetId];
        var service = new DiffService(store);

        foreach (var id in movers.Append(botTarget).Append(c.Ids[c.Sample.Truth.PodMembers[0]]))
        {
            var diff = await service.DiffAsync(MemoryScoreStore.Named(id), v1.Id, v2.Id, ct);
            var parts = diff.Defences!;
            Assert.True(parts.Added);
            Assert.True(Math.Abs(diff.Residual) < 1e-9);
            Assert.True(Math.Abs(parts.Points - diff.AlgorithmChange) < 1e-9, $"{id}: parts {parts.Points} vs algorithm {diff.AlgorithmChange}");
            Assert.Equal(["follow-back", "inauthentic", "pod", "newcomer-cohort", "standing", "calibration"], parts.Parts.Select(p => p.Name));
            // Same window and data: the re-run v2 is the saved v2, bit for bit.
            Assert.Equal((await store.GetScoreAsync(v2.Id, id, ct))?.Raw ?? 0, parts.Ledger.Raw);
            Assert.Equal(0.0, diff.EngagementChange);
        }

        var back = await service.DiffAsync(MemoryScoreStore.Named(botTarget), v2.Id, v1.Id, ct);
        Assert.False(back.Defences!.Added);
        Assert.True(Math.Abs(back.Defences.Points - back.AlgorithmChange) < 1e-9);
        Assert.True(back.Defences.Parts.Single(p => p.Name == "inauthentic").Raw > 0, "removing the defences gives the bots' engagement back");
    }

    [Fact]
    public async Task Explaining_recomputes_the_discounts_and_refuses_when_the_data_changed()
    {
        var c = Shared.Value;
        var ct = TestContext.Current.CancellationToken;
        var store = new MemoryScoreStore(c.Input);
        var run = await store.ScoreAsync(Version(2, c.Input.LatestTimeMs!.Value), ct);
        var plain = await store.ScoreAsync(Version(1, c.Input.LatestTimeMs!.Value), ct);
        var account = (await store.TopScoresAsync(run.Id, 1, ct))[0].AccountId;
        var service = new DiscountService(store);

        var ledger = (await service.ExplainAsync(run, account, ct))!;
        Assert.Equal(c.Stages.For(account), ledger, LedgerComparer.Instance);
        Assert.Null(await service.ExplainAsync(plain, account, ct));

        store.Input = ScoringInputs.With(c.Input, [(c.Ids[c.Sample.Humans[0]], account, InteractionKind.Repost, c.Input.LatestTimeMs!.Value - 1)]);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => service.ExplainAsync(run, account, ct));
        Assert.Contains("cannot be recomputed exactly", error.Message, StringComparison.Ordinal);
    }

    /// <summary>60 accounts new in the last 30 days, engaged by nobody, each engage one genuine account three times: the
    /// newcomer cohort discount shows in explain's ledger for exactly those 60, and a v1 → v2 diff attributes it.</summary>
    [Fact]
    public async Task A_newcomer_cohort_s_engagement_shows_as_its_own_discount_in_explain_and_diff()
    {
        var c = Shared.Value;
        var ct = TestContext.Current.CancellationToken;
        var target = c.Sample.Humans[c.Sample.Humans.Count / 2];
        var end = DateTimeOffset.FromUnixTimeMilliseconds(c.Input.LatestTimeMs!.Value);
        var cohort = Enumerable.Range(0, 60).SelectMany(k => new[] { InteractionKind.Like, InteractionKind.Reply, InteractionKind.Repost }
            .Select((kind, j) => SourceRecord.Of(0, new Interaction("synthetic", end.AddHours(-((k * 11) + (j * 3) + 1)), $"zz-new-{k:D2}", target, kind))));
        var (input, ids) = ScoringInputs.FromRecords([.. c.Sample.Records, .. cohort]);
        var newcomers = Enumerable.Range(0, 60).Select(k => ids[$"zz-new-{k:D2}"]).ToHashSet();

        var ledger = DefenceStages.Compute(input, Version(2, input.LatestTimeMs!.Value), ct: ct).For(ids[target]);
        var hit = ledger.Hit(DefenceKind.Cohort).ToList();
        Assert.Equal(newcomers.Order(), hit.Select(e => e.EngagerId).Order());
        Assert.All(hit, e => Assert.Equal(1, e.CohortScore));
        Assert.True(ledger.Defences.Single(d => d.Kind == DefenceKind.Cohort).Amount < 0);
        Assert.True(Math.Abs(ledger.Residual) < 1e-9);

        var store = new MemoryScoreStore(input);
        var v1 = await store.ScoreAsync(Version(1, input.LatestTimeMs!.Value), ct);
        var v2 = await store.ScoreAsync(Version(2, input.LatestTimeMs!.Value), ct);
        var diff = await new DiffService(store).DiffAsync(MemoryScoreStore.Named(ids[target]), v1.Id, v2.Id, ct);
        Assert.True(diff.Defences!.Parts.Single(p => p.Name == "newcomer-cohort").Raw < 0);
        Assert.True(Math.Abs(diff.Defences.Points - diff.AlgorithmChange) < 1e-9);
    }

    [Fact]
    public void The_defences_are_attributed_only_when_they_are_the_only_change()
    {
        Assert.True(DefenceAttribution.Applies(Version(1, 5), Version(2, 9)));
        Assert.True(DefenceAttribution.Applies(Version(2, 5), Version(1, 5)));
        Assert.False(DefenceAttribution.Applies(Version(1, 5), Version(1, 5)));
        Assert.False(DefenceAttribution.Applies(Version(2, 5), Version(3, 5)));
        Assert.False(DefenceAttribution.Applies(Version(1, 5) with { HalfLifeDays = 3 }, Version(2, 5)));
    }

    /// <summary>The default community, its input and the replay of its resonance@2 run, built once.</summary>
    private sealed class Community
    {
        public Community()
        {
            Sample = SyntheticSample.Default;
            (Input, Ids) = ScoringInputs.FromRecords(Sample.Records);
            Stages = DefenceStages.Compute(Input, Version(2, Input.LatestTimeMs!.Value));
        }

        public SyntheticSample Sample { get; }
        public ScoringInput Input { get; }
        public Dictionary<string, long> Ids { get; }
        public DefenceStages Stages { get; }
    }

    /// <summary>Ledgers are equal when every number is (records compare their lists by reference).</summary>
    private sealed class LedgerComparer : IEqualityComparer<DiscountLedger>
    {
        public static readonly LedgerComparer Instance = new();

        public bool Equals(DiscountLedger? x, DiscountLedger? y) => x is not null && y is not null
            && (x.AccountId, x.Undiscounted, x.Raw, x.UndiscountedBase, x.Base) == (y.AccountId, y.Undiscounted, y.Raw, y.UndiscountedBase, y.Base)
            && x.Defences.SequenceEqual(y.Defences)
            && x.Engagers.Select(Flat).SequenceEqual(y.Engagers.Select(Flat));

        public int GetHashCode(DiscountLedger obj) => obj.AccountId.GetHashCode();

        private static string Flat(EngagerDiscount e) =>
            FormattableString.Invariant($"{e.EngagerId} {e.Undiscounted:R} {e.Contribution:R} {string.Join(",", e.Steps.Select(s => s.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))} {e.FollowBacksDropped} {e.Weight:R} {e.PodScore:R} {e.CohortScore:R}");
    }
}
