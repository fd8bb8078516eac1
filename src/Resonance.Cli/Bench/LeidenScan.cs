using System.Diagnostics;
using System.Globalization;
using Resonance.Engine.Community;
using Resonance.Engine.Statistics;
using Spectre.Console;

namespace Resonance.Cli.Bench;

/// <summary><c>resonance bench leiden --scan</c>: partition stability across seeds over a resolution grid
/// (<see cref="ResolutionStability"/>), with modularity at γ = 1 and NMI against labels at each γ.</summary>
internal static class LeidenScan
{
    public sealed record Row(double Resolution, double Stability, double MeanCommunities, double MeanModularity, double? MeanNmi, double MeanSeconds);

    public sealed record Report(string Graph, int Nodes, int Seeds, Row[] Rows, double MostStable, Row Selected);

    public static Report Run(CliConsole console, string spec, LeidenOptions options, int seeds, string? labelsPath, bool simple, bool json, CancellationToken ct)
    {
        Action<string> say = json ? console.Error.WriteLine : console.Out.WriteLine;
        var input = LeidenBenchInput.Load(spec, options.Seed, simple, labelsPath);
        var g = input.Graph;
        say($"Graph: {input.Description}: {g.NodeCount:N0} nodes, {g.EdgeCount:N0} undirected edges; {seeds} seeds per resolution");
        var clock = Stopwatch.StartNew();
        var scan = ResolutionStability.Scan(g, ResolutionStability.DefaultGrid, seeds, options, ct);
        var perRun = clock.Elapsed.TotalSeconds / (scan.Count * seeds);
        var rows = scan.Select(p => new Row(p.Resolution, p.Stability, p.Results.Average(r => r.CommunityCount),
            p.Results.Average(r => Modularity.Compute(g, r.Membership)),
            input.Labels is null ? null : p.Results.Average(r => NormalizedMutualInformation.Compute(r.Membership, input.Labels)), perRun)).ToArray();
        foreach (var r in rows)
        {
            say(string.Create(CultureInfo.InvariantCulture,
                $"γ {r.Resolution:0.000}: stability {r.Stability:F4}, {r.MeanCommunities:0.#} communities, Q(γ=1) {r.MeanModularity:F4}{(r.MeanNmi is { } nmi ? $", NMI {nmi:F4}" : "")}"));
        }

        var best = ResolutionStability.MostStable(scan).Resolution;
        var selected = rows.First(r => r.Resolution == best);
        say(string.Create(CultureInfo.InvariantCulture, $"Most stable: γ {best:0.000} (mean time per run {perRun:F3} s)"));
        return new Report(spec, g.NodeCount, seeds, rows, best, selected);
    }
}
