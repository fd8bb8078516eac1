using System.Globalization;
using System.Text;
using Resonance.Application.Integrity.Discounts;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Scoring;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Integrity;

/// <summary>The resonance@2 discounts on real data (Higgs): replayed bit for bit, adding up for the accounts v2 moves
/// most, and a v1 → v2 diff split between the defences exactly.</summary>
public sealed class HiggsDiscountTests
{
    private const string Higgs = "higgs-twitter/higgs-activity_time.txt";

    [Fact]
    public async Task The_biggest_movers_discounts_add_up_and_name_their_engagers()
    {
        var input = ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity").Input;
        var ct = TestContext.Current.CancellationToken;
        var asOf = input.LatestTimeMs!.Value;
        var p1 = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), asOf);
        var p2 = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), asOf);
        var v1 = ResonanceScorer.Score(EngagementGraph.Build(input, p1), p1, intervals: false, ct: ct);
        var stages = DefenceStages.Compute(input, p2, ct: ct);
        var v2 = stages.Defended;

        var movers = Enumerable.Range(0, v1.Graph.NodeCount).Where(v => v1.Engaged[v])
            .Select(v => (Id: v1.Graph.AccountIds[v], Move: v2.Score[Array.BinarySearch(v2.Graph.AccountIds, v1.Graph.AccountIds[v])] - v1.Score[v]))
            .OrderByDescending(r => Math.Abs(r.Move)).ThenBy(r => r.Id).Take(20).ToArray();
        var sb = new StringBuilder();
        foreach (var (id, move) in movers)
        {
            var ledger = stages.For(id);
            Assert.True(Math.Abs(ledger.Residual) < 1e-9, $"{id}: residual {ledger.Residual:E2}");
            var inauthentic = ledger.Defences.Single(d => d.Kind == DefenceKind.Inauthentic);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"{id}: move {move:+0.0;-0.0}; raw {ledger.Undiscounted:G4} → {ledger.Raw:G4}; {string.Join("; ", ledger.Defences.Select(d => $"{DefenceKinds.Name(d.Kind)} {d.Amount:G3} ({d.Engagers} engagers)"))}; " +
                $"reasons {string.Join(", ", ledger.StrongestReasons(DefenceKind.Inauthentic).Select(r => $"{r.Signal} {r.Engagers}"))}");
            if (move < 0)
            {
                // A big fall under v2 is owed to discounted engagers: the inauthentic discount took most of the raw score.
                Assert.True(inauthentic.Amount < -0.5 * ledger.Undiscounted, sb.ToString());
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(sb.ToString());

        var store = new MemoryScoreStore(input);
        var run1 = await store.SaveAsync(input, v1, ct);
        var run2 = await store.SaveAsync(input, v2, ct);
        var account = MemoryScoreStore.Named(movers[0].Id);
        var diff = await new DiffService(store).DiffAsync(account, run1.Id, run2.Id, ct);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", diff.Defences!.Parts.Select(p => $"{p.Name}: raw {p.Raw:G4}, points {p.Points:+0.00;-0.00}")));
        var parts = diff.Defences!;
        Assert.True(Math.Abs(parts.Points - diff.AlgorithmChange) < 1e-9, $"parts {parts.Points} vs {diff.AlgorithmChange}");
        Assert.True(Math.Abs(diff.Residual) < 1e-9);
        Assert.Equal(diff.Total, parts.Points, 1e-9);

        var explained = (await new DiscountService(store).ExplainAsync(run2, account.Id, ct))!;
        Assert.Equal(stages.For(account.Id).Raw, explained.Raw);
        Assert.Equal(stages.For(account.Id).Undiscounted, explained.Undiscounted);
    }
}
