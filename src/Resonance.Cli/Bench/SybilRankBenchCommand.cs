using System.CommandLine;
using System.Diagnostics;
using Resonance.Cli.Commands;
using Resonance.Engine.Graphs;
using Resonance.Engine.Trust;
using Spectre.Console;

namespace Resonance.Cli.Bench;

/// <summary><c>resonance bench sybilrank</c>: times SybilRank trust propagation (graph build included, as scoring would
/// pay it) with the accounts of highest in-degree as seeds.</summary>
internal static class SybilRankBenchCommand
{
    public static Command Create(CliConsole console)
    {
        var graph = new Option<string>("--graph", "-g") { Description = "A text edge list (first two columns: source target), a .bin file of int32 pairs, or rmat:SCALE:EDGEFACTOR.", Required = true, HelpName = "FILE|rmat:S:E" };
        var seeds = new Option<int>("--seeds") { Description = "Number of seeds: the accounts with the most in-edges (ties by id).", DefaultValueFactory = _ => 100, HelpName = "K" };
        var direction = new Option<TrustDirection>("--direction") { Description = "Undirected (the paper) or Forward (trust flows from actor to target only).", DefaultValueFactory = _ => TrustDirection.Undirected, HelpName = "undirected|forward" };
        var trials = new Option<int>("--trials") { Description = "Timed trials; the median is reported.", DefaultValueFactory = _ => 5, HelpName = "T" };
        var threads = new Option<int?>("--threads") { Description = "Degree of parallelism (default: all cores).", HelpName = "N" };
        var seed = new Option<ulong>("--seed") { Description = "Seed for rmat graphs.", DefaultValueFactory = _ => 7, HelpName = "S" };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output (the progress lines go to standard error)." };
        var command = new Command("sybilrank", """
            Time SybilRank trust propagation (Cao et al. 2012; docs/integrity.md): build the CSR, pick the seeds, and run
            ⌈log2 n⌉ early-terminated iterations, once per trial. Reports build, seed and walk times.

            Example:
              resonance bench sybilrank --graph ../shared/data/higgs-twitter/higgs-activity_time.txt
            """)
        { graph, seeds, direction, trials, threads, seed, json };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(console, null, () =>
        {
            var asJson = parse.GetValue(json);
            Action<string> say = asJson ? console.Error.WriteLine : console.Out.WriteLine;
            var loaded = EdgeListLoader.Load(parse.GetValue(graph)!, parse.GetValue(seed));
            var times = new List<double>();
            SybilRankResult? result = null;
            for (var t = 0; t < Math.Max(1, parse.GetValue(trials)); t++)
            {
                var clock = Stopwatch.StartNew();
                var g = CsrGraphBuilder.Build(loaded.NodeCount, loaded.Sources, loaded.Targets, null, parse.GetValue(threads));
                var top = Enumerable.Range(0, g.NodeCount).OrderByDescending(g.InDegree).ThenBy(v => v).Take(parse.GetValue(seeds)).ToArray();
                result = SybilRank.Run(g, new SybilRankOptions { Seeds = top, Direction = parse.GetValue(direction), DegreeOfParallelism = parse.GetValue(threads) }, ct);
                times.Add(clock.Elapsed.TotalSeconds);
                say($"Trial {t + 1}: {times[^1]:F3} s (build, seeds and {result.Iterations} iterations)");
            }

            var median = times.Order().ElementAt(times.Count / 2);
            say($"Graph: {loaded.Description}: {loaded.NodeCount:N0} nodes, {loaded.Sources.Length:N0} edges; median {median:F3} s");
            if (asJson)
            {
                console.WriteJson(new { graph = loaded.Description, nodes = loaded.NodeCount, edges = loaded.Sources.Length, iterations = result!.Iterations, trial_seconds = times, median_seconds = median });
            }

            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
