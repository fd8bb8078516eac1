using System.CommandLine;
using System.Diagnostics;
using Resonance.Cli.Commands;
using Resonance.Engine.Community;
using Resonance.Engine.Statistics;
using Spectre.Console;

namespace Resonance.Cli.Bench;

/// <summary><c>resonance bench leiden</c>: times Leiden community detection and reports modularity (and NMI against
/// ground-truth labels), for side-by-side runs with igraph (<c>bench/leiden-peers.sh</c>).</summary>
internal static class LeidenBenchCommand
{
    public static Command Create(CliConsole console)
    {
        var graph = new Option<string>("--graph", "-g") { Description = "A text edge list (src dst per line, .gz allowed), a .bin file of int32 pairs, or rmat:SCALE:EDGEFACTOR. Directed edges are symmetrised: each becomes one undirected edge, so a reciprocated pair weighs 2.", Required = true, HelpName = "FILE|rmat:S:E" };
        var seed = new Option<ulong>("--seed") { Description = "Leiden seed of the first trial (trial t uses seed + t); also the R-MAT seed.", DefaultValueFactory = _ => LeidenOptions.DefaultSeed, HelpName = "S" };
        var trials = new Option<int>("--trials") { Description = "Timed trials, each with its own seed; the median time is reported.", DefaultValueFactory = _ => 5, HelpName = "T" };
        var objective = new Option<LeidenObjective>("--objective") { Description = "Quality to maximise: Modularity or Cpm.", DefaultValueFactory = _ => LeidenObjective.Modularity, HelpName = "modularity|cpm" };
        var resolution = new Option<double>("--resolution") { Description = "Resolution γ (modularity: 1 is classic; CPM: a density).", DefaultValueFactory = _ => 1.0, HelpName = "GAMMA" };
        var maxIterations = new Option<int>("--max-iterations") { Description = "Maximum Leiden iterations (igraph's default is 2).", DefaultValueFactory = _ => new LeidenOptions().MaxIterations, HelpName = "K" };
        var tolerance = new Option<double>("--tolerance") { Description = "Stop once an iteration gains less than this (0: until the partition is stable).", DefaultValueFactory = _ => new LeidenOptions().Tolerance, HelpName = "EPS" };
        var labels = new Option<string?>("--labels") { Description = "Ground-truth 'node label' lines; reports the NMI of each partition against them.", HelpName = "FILE" };
        var simple = new Option<bool>("--simple") { Description = "Drop self-loops and give each connected pair weight 1 (igraph's as_undirected(\"collapse\").simplify())." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output (the progress lines go to standard error)." };
        var scan = new Option<bool>("--scan") { Description = "Instead of timing one resolution, scan γ = 0.5…2 (9 points, log scale) with --trials seeds each and report how stable the partitions are across seeds (mean pairwise NMI), the label-free choice docs/communities.md discusses." };
        var leiden = new Command("leiden", """
            Time Leiden community detection: load a graph, symmetrise it, then run Leiden once per trial (seed, seed+1, ...)
            and report per-trial time, communities, modularity and iterations (and NMI with --labels).

            Examples:
              resonance bench leiden --graph ../shared/data/email-Eu-core/email-Eu-core.txt --labels ../shared/data/email-Eu-core/email-Eu-core-department-labels.txt
              resonance bench leiden --graph ../shared/data/soc-Slashdot0902/soc-Slashdot0902.txt.gz --trials 5 --json
            """)
        { graph, seed, trials, objective, resolution, maxIterations, tolerance, labels, simple, json, scan };
        leiden.SetAction((parse, ct) => CommandRunner.RunAsync(console, null, () =>
        {
            var options = new LeidenOptions
            {
                Objective = parse.GetValue(objective),
                Resolution = parse.GetValue(resolution),
                MaxIterations = parse.GetValue(maxIterations),
                Tolerance = parse.GetValue(tolerance),
                Seed = parse.GetValue(seed),
            };
            object report = parse.GetValue(scan)
                ? LeidenScan.Run(console, parse.GetValue(graph)!, options, Math.Max(2, parse.GetValue(trials)), parse.GetValue(labels), parse.GetValue(simple), parse.GetValue(json), ct)
                : Run(console, parse.GetValue(graph)!, options, parse.GetValue(trials), parse.GetValue(labels), parse.GetValue(simple), parse.GetValue(json), ct);
            if (parse.GetValue(json))
            {
                console.WriteJson(report);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return leiden;
    }

    private sealed record Trial(ulong Seed, double Seconds, int Communities, double Modularity, double Quality, int Iterations, bool Converged, double? Nmi);

    private sealed record Report(string Graph, int Nodes, int Edges, double TotalWeight, bool Simple, string Objective, double Resolution, double Tolerance, int MaxIterations,
        double LoadSeconds, double BuildSeconds, Trial[] Trials, double MedianSeconds, double MeanModularity, double? MeanNmi);

    private static Report Run(CliConsole console, string spec, LeidenOptions options, int trials, string? labelsPath, bool simple, bool json, CancellationToken ct)
    {
        Action<string> say = json ? console.Error.WriteLine : console.Out.WriteLine;
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        options.Validate();
        var input = LeidenBenchInput.Load(spec, options.Seed, simple, labelsPath);
        var g = input.Graph;
        say($"Graph: {input.Description}: {g.NodeCount:N0} nodes, {g.EdgeCount:N0} undirected edges, total weight {g.TotalWeight:N0}{(simple ? " (simple)" : "")}");
        say($"Load: {input.LoadSeconds:F3} s   Build undirected graph: {input.BuildSeconds:F3} s");

        var results = new Trial[trials];
        var clock = new Stopwatch();
        for (var t = 0; t < trials; t++)
        {
            var trialOptions = options with { Seed = options.Seed + (ulong)t };
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true); // the previous trial's garbage, outside the timed region
            clock.Restart();
            var result = Leiden.Run(g, trialOptions, ct);
            var seconds = clock.Elapsed.TotalSeconds;
            var modularity = Modularity.Compute(g, result.Membership);
            double? nmi = input.Labels is null ? null : NormalizedMutualInformation.Compute(result.Membership, input.Labels);
            results[t] = new Trial(trialOptions.Seed, seconds, result.CommunityCount, modularity, result.Quality, result.Iterations, result.Converged, nmi);
            say($"Trial {t + 1}: {seconds:F3} s, {result.CommunityCount:N0} communities, modularity {modularity:F4}{(nmi is null ? "" : $", NMI {nmi:F4}")}, " +
                $"{result.Iterations} iterations{(result.Converged ? "" : " (not converged)")}, seed {trialOptions.Seed}");
        }

        var median = results.Select(r => r.Seconds).Order().ElementAt(trials / 2);
        var meanModularity = results.Average(r => r.Modularity);
        double? meanNmi = input.Labels is null ? null : results.Average(r => r.Nmi!.Value);
        say($"Median: {median:F3} s   Mean modularity: {meanModularity:F4}{(meanNmi is null ? "" : $"   Mean NMI: {meanNmi:F4}")}");
        return new Report(spec, g.NodeCount, g.EdgeCount, g.TotalWeight, simple, options.Objective.ToString(), options.Resolution, options.Tolerance, options.MaxIterations,
            input.LoadSeconds, input.BuildSeconds, results, median, meanModularity, meanNmi);
    }
}
