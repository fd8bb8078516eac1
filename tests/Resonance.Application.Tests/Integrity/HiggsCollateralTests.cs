using System.Diagnostics;
using System.Globalization;
using System.Text;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Scoring;
using Resonance.Engine.Statistics;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Integrity;

/// <summary>Collateral damage (issue #4): on Higgs, resonance@2 must not reorder the accounts it does not flag.</summary>
public sealed class HiggsCollateralTests
{
    private const string Higgs = "higgs-twitter/higgs-activity_time.txt";

    [Fact]
    public void Version_two_keeps_the_order_of_unflagged_accounts_on_higgs()
    {
        var input = ScoringInputs.FromFile(SharedData.File(Higgs), "higgs-activity").Input;
        var ct = TestContext.Current.CancellationToken;
        var p1 = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), input.LatestTimeMs!.Value);
        var p2 = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), input.LatestTimeMs!.Value);
        var clock = Stopwatch.StartNew();
        var g2 = EngagementGraph.Build(input, p2);
        var graphSeconds = clock.Elapsed.TotalSeconds;
        var v1 = ResonanceScorer.Score(EngagementGraph.Build(input, p1), p1, intervals: false, ct: ct);
        var v2 = ResonanceScorer.Score(g2, p2, intervals: false, ct: ct);
        var model = g2.Integrity!;

        var flagged = new HashSet<long>(Enumerable.Range(0, model.Log.AccountCount).Where(model.IsFlagged)
            .Select(a => long.Parse(model.Log.AccountIds[a], CultureInfo.InvariantCulture)));
        var rows = Enumerable.Range(0, v1.Graph.NodeCount).Where(v => v1.Engaged[v] && !flagged.Contains(v1.Graph.AccountIds[v]))
            .Select(v => (Id: v1.Graph.AccountIds[v], S1: v1.Score[v], S2: v2.Score[Array.BinarySearch(v2.Graph.AccountIds, v1.Graph.AccountIds[v])])).ToArray();
        var rho = RankCorrelation.Spearman([.. rows.Select(r => r.S1)], [.. rows.Select(r => r.S2)]);

        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"flagged {flagged.Count} of {model.Log.AccountCount}; unflagged engaged {rows.Length}; Spearman v1 vs v2 {rho:F4}; @2 graph with the model {graphSeconds:F1} s");
        var audience = Application.Integrity.AudienceQuality.Compute(model).ToDictionary(q => q.AccountId);
        foreach (var r in rows.OrderByDescending(r => Math.Abs(r.S2 - r.S1)).ThenBy(r => r.Id).Take(20))
        {
            var a = Array.BinarySearch(model.Log.AccountIds, r.Id.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {r.Id}: {r.S1:F1} → {r.S2:F1}; own L {model.Likelihood[a]:F2}; engagers likely authentic {Q(r.Id)}; own reasons: {string.Join(", ", model.Reasons(a).Select(x => $"{x.Signal} {x.Score:F2}"))}");
        }
        TestContext.Current.TestOutputHelper?.WriteLine(sb.ToString());

        string Q(long id) => audience.TryGetValue(id.ToString(CultureInfo.InvariantCulture), out var q) ? $"{q.Authentic} of {q.Engagers}" : "none";
        Assert.True(rho >= 0.95, sb.ToString());
    }
}
