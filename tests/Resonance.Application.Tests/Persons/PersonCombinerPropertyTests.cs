using CsCheck;
using Resonance.Application.Persons;

namespace Resonance.Application.Tests.Persons;

/// <summary>The person-level combination with duplicate engagers on random networks: linking a network never lowers
/// the combined score, one network gives its own score, every member is counted once, and the parts add up.</summary>
public sealed class PersonCombinerPropertyTests
{
    private const double Rounding = 1e-9;

    /// <summary>A monotone calibration with ScoreOfRaw(0) = 1.</summary>
    private static double ScoreOfRaw(double raw) => raw > 0 ? 1 + (99 * (1 - Math.Exp(-raw))) : 1;

    private static readonly string[] MemberIds = ["m0", "m1", "m2", "m3"];

    private static readonly Gen<AccountEvidence> Account =
        from id in Gen.Long[1, 1_000_000]
        from raw in Gen.Double[0.01, 5]
        from below in Gen.Double[0, 30]
        from above in Gen.Double[0, 30]
        from shares in Gen.Double[0, 0.2].Array[MemberIds.Length]
        from present in Gen.Bool.Array[MemberIds.Length]
        select Evidence(id, raw, below, above, MemberIds.Where((_, i) => present[i]).ToDictionary(m => m, m => raw * shares[Array.IndexOf(MemberIds, m)]));

    private static readonly Gen<NetworkEvidence[]> Networks =
        from accounts in Account.Array[1, 2].Array[1, 4]
        select accounts.Select((a, i) => new NetworkEvidence($"net{i}", a)).ToArray();

    private static AccountEvidence Evidence(long id, double raw, double below, double above, Dictionary<string, double> members)
    {
        var score = ScoreOfRaw(raw);
        return new AccountEvidence(id, score, Math.Max(1, score - below), Math.Min(100, score + above), raw, ScoreOfRaw, members);
    }

    [Fact]
    public void Combine_OneNetwork_IsItsOwnScore()
    {
        Networks.Sample(networks =>
        {
            var only = networks[0];
            var combined = PersonCombiner.Combine([only])!;
            Assert.Equal(ScoreCombination.Combine(only.Accounts.Select(a => a.Score)), combined.Score);
            if (only.Accounts.Count == 1)
            {
                Assert.Equal(only.Accounts[0].Score, combined.Score);
            }
        }, iter: 1_000);
    }

    [Fact]
    public void Combine_LinkingAnotherNetwork_NeverLowersIt_AndUnlinkingGivesBackTheSameScore()
    {
        Networks.Where(n => n.Length >= 2).Sample(networks =>
        {
            var without = networks[..^1];
            var before = PersonCombiner.Combine(without)!;
            var linked = PersonCombiner.Combine(networks)!;
            var unlinked = PersonCombiner.Combine(without)!;
            Assert.True(linked.Score >= before.Score - Rounding, $"linking lowered {before.Score} to {linked.Score}");
            Assert.Equal(before.Score, unlinked.Score);
            Assert.Equal(before.Networks.Select(p => p.Contribution), unlinked.Networks.Select(p => p.Contribution));
        }, iter: 2_000);
    }

    [Fact]
    public void Combine_EveryMemberIsCountedOnOneNetworkAtMost_AndNeverAboveTheUncorrectedRule()
    {
        Networks.Sample(networks =>
        {
            var combined = PersonCombiner.Combine(networks)!;
            foreach (var member in MemberIds)
            {
                var countedOn = combined.Networks.Count(p => p.Counted
                    && networks.Single(n => n.Network == p.Network).Members.Contains(member)
                    && p.Removed.All(d => d.UserId != member));
                Assert.True(countedOn <= 1, $"{member} counted on {countedOn} networks");
            }

            var uncorrected = ScoreCombination.Combine(networks.Select(n => ScoreCombination.Combine(n.Accounts.Select(a => a.Score))));
            Assert.True(combined.Score <= uncorrected + Rounding);
            Assert.True(combined.Score >= combined.Networks.Max(p => p.Score) - Rounding, "the best network alone is a valid count");
        }, iter: 2_000);
    }

    [Fact]
    public void Combine_PartsAddUp_AndTheIntervalContainsTheScore()
    {
        Networks.Sample(networks =>
        {
            var combined = PersonCombiner.Combine(networks)!;
            Assert.Equal(combined.Score, combined.Networks.Sum(p => p.Contribution), Rounding);
            Assert.InRange(combined.Score, combined.Low - Rounding, combined.High + Rounding);
            Assert.All(combined.Networks.Where(p => p.Counted), p => Assert.True(p.CountedScore <= p.Score + Rounding));
            Assert.All(combined.Networks.Where(p => !p.Counted), p => Assert.Equal(0, p.Contribution));
        }, iter: 2_000);
    }

    [Fact]
    public void Combine_MemberOnTwoNetworks_IsKeptWhereWorthMorePoints_AndTakenOutOfTheOtherRawScore()
    {
        // Network a: raw 2 of which the member gave 1; network b: raw 3 of which the member gave 0.2.
        var a = new NetworkEvidence("a", [Evidence(1, 2, 5, 5, new() { ["e"] = 1 })]);
        var b = new NetworkEvidence("b", [Evidence(2, 3, 5, 5, new() { ["e"] = 0.2 })]);
        var pointsOnA = ScoreOfRaw(2) - ScoreOfRaw(1);
        var pointsOnB = ScoreOfRaw(3) - ScoreOfRaw(2.8);
        Assert.True(pointsOnA > pointsOnB);

        var combined = PersonCombiner.Combine([b, a])!;

        var partA = combined.Networks.Single(p => p.Network == "a");
        var partB = combined.Networks.Single(p => p.Network == "b");
        Assert.Equal(ScoreOfRaw(2), partA.CountedScore);
        Assert.Equal(ScoreOfRaw(2.8), partB.CountedScore, 12);
        var removed = Assert.Single(partB.Removed);
        Assert.Equal(("e", "a"), (removed.UserId, removed.KeptOn));
        Assert.Equal(pointsOnB, removed.PointsHere, 12);
        Assert.Equal(ScoreCombination.Combine([ScoreOfRaw(2), ScoreOfRaw(2.8)]), combined.Score, 12);
        Assert.True(combined.Score < ScoreCombination.Combine([ScoreOfRaw(2), ScoreOfRaw(3)]));
    }
}
