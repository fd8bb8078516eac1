using System.Globalization;
using System.Text;
using Resonance.Application.Integrity.Attacks;
using Resonance.Application.Synthetic;

namespace Resonance.Application.Tests.Integrity;

/// <summary>The attack suite (issue #4): under resonance@2 no trick gains more than 5 points; genuine growth gains clearly.</summary>
public sealed class AttackSuiteTests
{
    private static readonly Lazy<AttackReport> Report = new(() => AttackSuite.Run(new SyntheticOptions()));

    public static string Table(AttackReport r)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"attacker {r.Attacker}: raw {r.RawBefore:F1}, v1 {r.V1Before:F1}, v2 {r.V2Before:F1}");
        sb.AppendLine("| trick | actions | raw counting | resonance@1 | resonance@2 |");
        foreach (var x in r.Results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {x.Trick} | {x.Actions:N0} | {x.RawGain:+0.0;-0.0;0.0} | {x.V1Gain:+0.0;-0.0;0.0} | {x.V2Gain:+0.0;-0.0;0.0} |");
        }
        return sb.ToString();
    }

    [Fact]
    public void Under_v2_no_trick_gains_more_than_five_points_and_genuine_growth_gains_clearly()
    {
        var r = Report.Value;
        var table = Table(r);
        TestContext.Current.TestOutputHelper?.WriteLine(table);
        var genuine = r.Results[^1];
        Assert.All(r.Results.Take(r.Results.Count - 1), x => Assert.True(x.V2Gain <= 5, table));
        Assert.True(genuine.V2Gain >= 10, table);
    }
}
