using System.CommandLine;
using System.Diagnostics;
using Resonance.Cli.Commands;
using Resonance.Engine.Community;
using Resonance.Engine.Statistics;
using Spectre.Console;

namespace Resonance.Cli.Bench;

/// <summary><c>resonance bench communities</c>: runs Infomap or Leiden on the same graph and reports, per run, the map
/// equation's codelength, modularity, NMI against ground-truth labels, communities and time, for side-by-side runs with
/// igraph (<c>bench/infomap-peers.sh</c>).</summary>
internal static class CommunitiesBenchCommand
{
    public static Command Create(CliConsole console)
    {
        var method = new Option<string>("--method") { Description = "infomap or leiden (Leiden's defaults: modularity, γ = 1).", DefaultValueFactory = _ => "infomap", HelpName = "infomap|leiden" };
        var graph = new Option<string>("--graph", "-g") { Description = "A text edge list (src dst per line, .gz allowed), a .bin file of int32 pairs, or rmat:SCALE:EDGEFACTOR. Directed edges are symmetrised: each becomes one undirected edge, so a reciprocated pair weighs 2.", Required = true, HelpName = "FILE|rmat:S:E" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the first run (run r uses seed + r); also the R-MAT seed.", DefaultValueFactory = _ => InfomapOptions.DefaultSeed, HelpName = "S" };
        var runs = new Option<int>("--runs") { Description = "Timed runs, each with its own seed; the median time is reported.", DefaultValueFactory = _ => 5, HelpName = "R" };
        var trials = new Option<int>("--infomap-trials") { Description = "Infomap's independent trials per run (the shortest codelength wins).", DefaultValueFactory = _ => new InfomapOptions().Trials, HelpName = "T" };
        var iterations = new Option<int>("--infomap-iterations") { Description = "Infomap's iterations per trial (the first from singletons, the others fine-tuning).", DefaultValueFactory = _ => new InfomapOptions().MaxIterations, HelpName = "I" };
        var threads = new Option<int?>("--threads") { Description = "Infomap trials run at once (default: all cores; the partition is the same for any value).", HelpName = "N" };
        var labels = new Option<string?>("--labels") { Description = "Ground-truth 'node label' lines; reports the NMI of each partition against them.", HelpName = "FILE" };
        var simple = new Option<bool>("--simple") { Description = "Drop self-loops and give each connected pair weight 1 (igraph's as_undirected(\"collapse\").simplify())." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output (the progress lines go to standard error)." };
        var command = new Command("communities", """
            Time community detection by Infomap (the map equation) or Leiden (modularity) on one graph: load it, symmetrise
            it, run the method once per run (seed, seed+1, ...) and report per-run time, communities, codelength, modularity
            (and NMI with --labels).

            Examples:
              resonance bench communities --method infomap --graph ../shared/data/email-Eu-core/email-Eu-core.txt --labels ../shared/data/email-Eu-core/email-Eu-core-department-labels.txt
              resonance bench communities --method leiden --graph ../shared/data/soc-Slashdot0902/soc-Slashdot0902.txt.gz --runs 3 --json
            """)
        { method, graph, seed, runs, trials, iterations, threads, labels, simple, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, null, () =>
        {
            var name = parse.GetValue(method)!;
            if (name is not ("infomap" or "leiden"))
            {
                throw new ArgumentException($"unknown method '{name}'; known: infomap, leiden.");
            }

            var infomap = new InfomapOptions { Trials = parse.GetValue(trials), MaxIterations = parse.GetValue(iterations), DegreeOfParallelism = parse.GetValue(threads), Seed = parse.GetValue(seed) };
            var report = Run(console, name, parse.GetValue(graph)!, infomap, parse.GetValue(runs), parse.GetValue(labels), parse.GetValue(simple), parse.GetValue(json), ct);
            if (parse.GetValue(json))
            {
                console.WriteJson(report);
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }

    private sealed record RunResult(ulong Seed, double Seconds, int Communities, double Codelength, double Modularity, double? Nmi);

    private sealed record Report(string Graph, string Method, int Nodes, int Edges, double TotalWeight, bool Simple, int? InfomapTrials, double OneLevelCodelength,
        double LoadSeconds, double BuildSeconds, RunResult[] Runs, double MedianSeconds, double MeanCodelength, double MeanModularity, double? MeanNmi);

    private static Report Run(CliConsole console, string method, string spec, InfomapOptions infomap, int runs, string? labelsPath, bool simple, bool json, CancellationToken ct)
    {
        Action<string> say = json ? console.Error.WriteLine : console.Out.WriteLine;
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        infomap.Validate();
        var input = LeidenBenchInput.Load(spec, infomap.Seed, simple, labelsPath);
        var g = input.Graph;
        var oneLevel = MapEquation.OneLevelCodelength(g);
        say($"Graph: {input.Description}: {g.NodeCount:N0} nodes, {g.EdgeCount:N0} undirected edges, total weight {g.TotalWeight:N0}{(simple ? " (simple)" : "")}");
        say($"Load: {input.LoadSeconds:F3} s   Build undirected graph: {input.BuildSeconds:F3} s   One-module codelength: {oneLevel:F4} bits");

        var results = new RunResult[runs];
        var clock = new Stopwatch();
        for (var r = 0; r < runs; r++)
        {
            var runSeed = infomap.Seed + (ulong)r;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true); // the previous run's garbage, outside the timed region
            clock.Restart();
            var (membership, count) = method == "infomap"
                ? Detect(Infomap.Run(g, infomap with { Seed = runSeed }, ct))
                : Detect(Leiden.Run(g, new LeidenOptions { Seed = runSeed }, ct));
            var seconds = clock.Elapsed.TotalSeconds;
            var codelength = MapEquation.Codelength(g, membership);
            var modularity = Modularity.Compute(g, membership);
            double? nmi = input.Labels is null ? null : NormalizedMutualInformation.Compute(membership, input.Labels);
            results[r] = new RunResult(runSeed, seconds, count, codelength, modularity, nmi);
            say($"Run {r + 1}: {seconds:F3} s, {count:N0} communities, codelength {codelength:F4} bits, modularity {modularity:F4}{(nmi is null ? "" : $", NMI {nmi:F4}")}, seed {runSeed}");
        }

        var median = results.Select(r => r.Seconds).Order().ElementAt(runs / 2);
        double? meanNmi = input.Labels is null ? null : results.Average(r => r.Nmi!.Value);
        var report = new Report(spec, method, g.NodeCount, g.EdgeCount, g.TotalWeight, simple, method == "infomap" ? infomap.Trials : null, oneLevel,
            input.LoadSeconds, input.BuildSeconds, results, median, results.Average(r => r.Codelength), results.Average(r => r.Modularity), meanNmi);
        say($"Median: {median:F3} s   Mean codelength: {report.MeanCodelength:F4} bits   Mean modularity: {report.MeanModularity:F4}{(meanNmi is null ? "" : $"   Mean NMI: {meanNmi:F4}")}");
        return report;
    }

    private static (int[] Membership, int Count) Detect(InfomapResult result) => (result.Membership, result.CommunityCount);

    private static (int[] Membership, int Count) Detect(LeidenResult result) => (result.Membership, result.CommunityCount);
}
