using Resonance.Application.Members;
using Resonance.Application.Persons;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Scoring;
using Resonance.Domain;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Persons;

/// <summary>A person's combined score under resonance@7 on Higgs' first 44,288 interactions: their accounts enter it as
/// the run would score them had none of the person's accounts made an outgoing interaction, so nothing the person does
/// (towards others or between their own accounts) changes it by a bit (docs/scoring.md, section 9).</summary>
public sealed class PersonLeaveOneOutTests
{
    private const string Higgs = "higgs-twitter/higgs-activity_time.txt";
    private const long AsOfMs = 1_341_340_000_000;
    private static readonly PersonRef Person = new("person", "person", null);

    private static async Task<(MemoryScoreStore Store, ScoreRunInfo Run)> ScoredAsync(ScoringInput data, CancellationToken ct)
    {
        var store = new MemoryScoreStore(data);
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 7), AsOfMs) with { WindowDays = 5 };
        var input = await store.LoadWindowAsync(p, ct);
        return (store, await store.SaveAsync(input, ScoringPipeline.Score(input, p, intervals: false, ct: ct), ct));
    }

    private static async Task<NetworkStanding> StandingAsync(MemoryScoreStore store, ScoreRunInfo run, IEnumerable<long> accounts, CancellationToken ct)
    {
        var linked = new List<LinkedAccountScore>();
        foreach (var id in accounts)
        {
            linked.Add(new LinkedAccountScore(MemoryScoreStore.Named(id), await store.GetScoreAsync(run.Id, id, ct), await store.ContributionsToAsync(run.Id, id, ct)));
        }

        return new NetworkStanding("higgs", run, linked);
    }

    private static long Bits(double x) => BitConverter.DoubleToInt64Bits(x);

    [Fact]
    public async Task The_persons_own_activity_on_any_linked_account_never_changes_their_resonance_7_combined_score()
    {
        var ct = TestContext.Current.CancellationToken;
        var data = ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity").Input;
        var (store, run) = await ScoredAsync(data, ct);
        var scores = await store.AllScoresAsync(run.Id, ct);
        var scored = scores.Select(s => s.AccountId).ToHashSet();
        // The person: an engaged account a1 below the top (where scores are not all 100) and a scored account a2 that engages
        // it; m, another engager of a1, is a member.
        var (a1, a2, m) = scores.OrderBy(s => s.Rank).Skip(300).Select(s => s.AccountId).Select(id => (Id: id, Engagers: store.ContributionsToAsync(run.Id, id, ct).Result))
            .Select(x => (x.Id, Own: x.Engagers.FirstOrDefault(c => scored.Contains(c.EngagerId))?.EngagerId, Member: x.Engagers.LastOrDefault()?.EngagerId))
            .First(x => x.Own is not null && x.Member is not null && x.Member != x.Own) is var pick ? (pick.Id, pick.Own!.Value, pick.Member!.Value) : default;
        var consents = new Dictionary<long, Consent> { [m] = new(m, "member-m", "m", Visibility.SignedIn) };
        // Elsewhere m is worth something too, so the combination reads a1's raw score without m's contributions.
        var elsewhere = new NetworkEvidence("elsewhere", [new AccountEvidence(1, 40, 35, 45, 4, raw => raw > 0 ? Math.Min(100, 10 * raw) : 1,
            new Dictionary<string, double> { ["member-m"] = 3 })]);

        // The same data plus 600 actions of the person's: towards the top accounts, and between their own two accounts.
        var top = scores.OrderBy(s => s.Rank).Take(50).Select(s => s.AccountId).ToArray();
        var t = data.TimesMs.Where(x => x <= AsOfMs).Max();
        var extra = Enumerable.Range(0, 600).Select(i => (Actor: i % 2 == 0 ? a1 : a2, Target: i % 3 == 0 ? (i % 2 == 0 ? a2 : a1) : top[i % top.Length],
            Kind: i % 4 == 0 ? InteractionKind.Reply : InteractionKind.Repost, Time: t - (i * 60_000L))).ToArray();
        var more = new ScoringInput([.. data.ActorIds, .. extra.Select(e => e.Actor)], [.. data.TargetIds, .. extra.Select(e => e.Target)],
            [.. data.Kinds, .. extra.Select(e => e.Kind)], [.. data.TimesMs, .. extra.Select(e => e.Time)], [.. data.Weights, .. extra.Select(_ => 1.0)],
            data.PostAuthorIds, data.PostTimesMs);
        var (storeMore, runMore) = await ScoredAsync(more, ct);

        var before = await PersonScores.LeaveOneOutEvidenceAsync(store, Person, await StandingAsync(store, run, [a1, a2], ct), consents, ct);
        var after = await PersonScores.LeaveOneOutEvidenceAsync(storeMore, Person, await StandingAsync(storeMore, runMore, [a1, a2], ct), consents, ct);

        Assert.NotEmpty(before.Accounts);
        Assert.Equal(before.Accounts.Select(a => a.AccountId), after.Accounts.Select(a => a.AccountId));
        foreach (var (x, y) in before.Accounts.Zip(after.Accounts))
        {
            Assert.Equal((Bits(x.Score), Bits(x.Low), Bits(x.High), Bits(x.Raw)), (Bits(y.Score), Bits(y.Low), Bits(y.High), Bits(y.Raw)));
            Assert.Equal(x.MemberContributions, y.MemberContributions);
            Assert.All(new[] { 0.3, 0.7, 0.95 }, f => Assert.Equal(Bits(x.ScoreOfRaw(x.Raw * f)), Bits(y.ScoreOfRaw(y.Raw * f))));
        }

        Assert.True(before.Accounts.Single(a => a.AccountId == a1).MemberContributions.ContainsKey("member-m"));
        var combinedBefore = PersonCombiner.Combine([before, elsewhere])!;
        var combinedAfter = PersonCombiner.Combine([after, elsewhere])!;
        Assert.Equal((Bits(combinedBefore.Score), Bits(combinedBefore.Low), Bits(combinedBefore.High)),
            (Bits(combinedAfter.Score), Bits(combinedAfter.Low), Bits(combinedAfter.High)));

        // The stored per-account scores do move (a2's reposts of a1 count for a1): combining those would not be invariant.
        var stored = await store.GetScoreAsync(run.Id, a1, ct);
        var storedMore = await storeMore.GetScoreAsync(runMore.Id, a1, ct);
        Assert.NotEqual(Bits(stored!.Raw), Bits(storedMore!.Raw));
        Assert.NotEqual(Bits(stored.Score), Bits(storedMore!.Score));
    }

    [Fact]
    public async Task With_one_linked_account_the_leave_one_out_evidence_is_its_stored_resonance_7_score_bit_for_bit()
    {
        var ct = TestContext.Current.CancellationToken;
        var (store, run) = await ScoredAsync(ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity").Input, ct);
        var scores = await store.AllScoresAsync(run.Id, ct);
        foreach (var s in scores.OrderBy(s => s.Rank).Take(3))
        {
            var e = await PersonScores.LeaveOneOutEvidenceAsync(store, Person, await StandingAsync(store, run, [s.AccountId], ct), new Dictionary<long, Consent>(), ct);

            Assert.Equal(Bits(s.Score), Bits(e.Accounts.Single().Score));
            Assert.Equal(Bits(s.Raw), Bits(e.Accounts.Single().Raw));
        }
    }
}
