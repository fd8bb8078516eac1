using System.Globalization;
using System.Text;
using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Signals;
using Resonance.Application.Synthetic;
using Resonance.Application.Tests.Synthetic;

namespace Resonance.Application.Tests.Integrity;

/// <summary>Detection quality on planted truth (issue #4, docs/integrity.md "Detection quality"): the inauthenticity
/// likelihood must rank bots and pod members above genuine accounts with ROC AUC ≥ 0.95 on the default generated community.</summary>
public sealed class DetectionQualityTests
{
    private static readonly Lazy<InauthenticityModel> Model = new(() => InauthenticityModel.Evaluate(ActivityLog.FromRecords(SyntheticSample.Default.Records)));

    [Theory]
    [InlineData("bots", 0.95)]
    [InlineData("pod members", 0.95)]
    [InlineData("farm accounts", 0.95)]
    public void Likelihood_ranks_each_planted_class_above_genuine_accounts(string cls, double required)
    {
        var rows = DetectionQuality.Evaluate(Model.Value, SyntheticSample.Default.Truth);
        var table = Table(rows, Model.Value);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        var row = rows.Single(r => r.Class == cls);
        Assert.True(row.Positives > 0, table);
        Assert.True(row.Auc >= required, table);
        Assert.True(row.Recall >= 0.9, table);
    }

    [Fact]
    public void Default_threshold_flags_few_genuine_accounts()
    {
        var rows = DetectionQuality.Evaluate(Model.Value, SyntheticSample.Default.Truth);
        // Fewer than 1% of genuine accounts flagged.
        Assert.True(rows[0].GenuineFlagged < rows[0].Negatives / 100, Table(rows, Model.Value));
    }

    internal static string Table(IReadOnlyList<ClassDetection> rows, InauthenticityModel model)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| class | planted | genuine | AUC | precision | recall |");
        foreach (var r in rows)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Class} | {r.Positives} | {r.Negatives} | {r.Auc:F4} | {r.Precision:F3} | {r.Recall:F3} |");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"genuine flagged: {rows[0].GenuineFlagged}");
        sb.AppendLine("per-signal AUC (bots / pod / farm):");
        foreach (var s in model.Signals)
        {
            var per = DetectionQuality.Evaluate(model, SyntheticSample.Default.Truth, s.Scores);
            var vals = DetectionQuality.Evaluate(model, SyntheticSample.Default.Truth, s.Values);
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {s.Name}: score {per[0].Auc:F3} / {per[1].Auc:F3} / {per[2].Auc:F3}; value {vals[0].Auc:F3} / {vals[1].Auc:F3} / {vals[2].Auc:F3}");
        }
        var low = DetectionQuality.Evaluate(model, SyntheticSample.Default.Truth, model.LowTrust);
        sb.AppendLine(CultureInfo.InvariantCulture, $"  low-trust: {low[0].Auc:F3} / {low[1].Auc:F3} / {low[2].Auc:F3}");
        var planted = SyntheticSample.Default.Truth.Bots.Concat(SyntheticSample.Default.Truth.PodMembers).Concat(SyntheticSample.Default.Truth.FarmAccounts).ToHashSet();
        var genuine = Enumerable.Range(0, model.Log.AccountCount).Where(a => !planted.Contains(model.Log.AccountIds[a])).ToArray();
        foreach (var g in genuine.Where(model.IsFlagged).Select(a => model.Reasons(a)[0].Signal).GroupBy(x => x))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  genuine flagged, strongest reason {g.Key}: {g.Count()}");
        }
        foreach (var s in model.Signals)
        {
            var v = genuine.Select(a => s.Values[a]).Order().ToArray();
            foreach (var (cn, cl) in new[] { ("bot", SyntheticSample.Default.Truth.Bots), ("pod", SyntheticSample.Default.Truth.PodMembers), ("farm", SyntheticSample.Default.Truth.FarmAccounts) })
            {
                var cv = cl.Select(id => s.Values[Array.BinarySearch(model.Log.AccountIds, id, StringComparer.Ordinal)]).Order().ToArray();
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {s.Name} {cn} min {cv[0]:F3} p10 {cv[cv.Length / 10]:F3} p50 {cv[cv.Length / 2]:F3}");
            }
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {s.Name} genuine p50 {v[v.Length / 2]:F3} p90 {v[v.Length * 9 / 10]:F3} p99 {v[v.Length * 99 / 100]:F3} max {v[^1]:F3}");
        }
        return sb.ToString();
    }
}

/// <summary>Detection is deterministic for a given seed and holds on a second seed.</summary>
public sealed class DetectionDeterminismTests
{
    private static readonly SyntheticOptions Other = new() { People = 1_500, Seed = 20_261_125 };

    [Fact]
    public void Same_seed_gives_bit_identical_likelihoods_and_reasons()
    {
        var a = InauthenticityModel.Evaluate(ActivityLog.FromRecords(SyntheticNetworkGenerator.Generate(Other).Records));
        var b = InauthenticityModel.Evaluate(ActivityLog.FromRecords(SyntheticNetworkGenerator.Generate(Other).Records));

        Assert.Equal(a.Log.AccountIds, b.Log.AccountIds);
        Assert.Equal(a.Likelihood.Select(BitConverter.DoubleToInt64Bits), b.Likelihood.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.Trust.Select(BitConverter.DoubleToInt64Bits), b.Trust.Select(BitConverter.DoubleToInt64Bits));
        for (var k = 0; k < a.Log.AccountCount; k += 97)
        {
            Assert.Equal(a.Reasons(k), b.Reasons(k));
        }
    }

    [Fact]
    public void Another_seed_and_size_still_separates_bots_and_pods()
    {
        var dataset = SyntheticNetworkGenerator.Generate(Other);
        var model = InauthenticityModel.Evaluate(ActivityLog.FromRecords(dataset.Records));

        var rows = DetectionQuality.Evaluate(model, dataset.Truth);

        var text = string.Join("; ", rows);
        Assert.True(rows[0].Auc >= 0.95, text);
        Assert.True(rows[1].Auc >= 0.95, text);
        Assert.True(rows[2].Auc >= 0.95, text);
    }
}
