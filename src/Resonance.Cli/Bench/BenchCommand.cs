using System.CommandLine;
using System.Diagnostics;
using Resonance.Cli.Commands;
using Resonance.Engine.Centrality;
using Resonance.Engine.Graphs;
using Spectre.Console;

namespace Resonance.Cli.Bench;

/// <summary><c>resonance bench pagerank</c>: a GAPBS-style macro benchmark of the PageRank kernel.</summary>
internal static class BenchCommand
{
    /// <summary>Residual below which <c>--verify</c> passes: GAPBS pr.cc's target error after its 20 iterations.</summary>
    public const double VerifyTolerance = 1e-4;

    public static Command Create(CliConsole console)
    {
        var graph = new Option<string>("--graph", "-g") { Description = "A .bin file of int32 (source, target) pairs, a text edge list, or rmat:SCALE:EDGEFACTOR.", Required = true, HelpName = "FILE|rmat:S:E" };
        var iterations = new Option<int>("--iterations") { Description = "PageRank iterations per trial (a fixed count unless --tolerance is given, then the maximum).", DefaultValueFactory = _ => 20, HelpName = "K" };
        var tolerance = new Option<double>("--tolerance") { Description = "Stop a trial early once the L1 change of an iteration is below this (0: never; use 1e-10 to time convergence as the peers do).", DefaultValueFactory = _ => 0, HelpName = "EPS" };
        var trials = new Option<int>("--trials") { Description = "Timed trials; the median is reported.", DefaultValueFactory = _ => 5, HelpName = "T" };
        var threads = new Option<int?>("--threads") { Description = "Degree of parallelism (default: all cores).", HelpName = "N" };
        var seed = new Option<ulong>("--seed") { Description = "Seed for rmat graphs.", DefaultValueFactory = _ => 7, HelpName = "S" };
        var verify = new Option<bool>("--verify") { Description = $"Check the result with one serial push iteration (pass: L1 residual < {VerifyTolerance:0e0})." };
        var relabel = new Option<bool>("--relabel") { Description = "Relabel nodes by descending out-degree once after building (timed on its own, like the build), then time the kernel on the relabelled graph." };
        var single = new Option<bool>("--single") { Description = "Set PageRankOptions.SingleContributions: gather float contributions (as GAPBS; scores and reductions stay double; about 1e-7 L1 from the double kernel)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON on standard output (the progress lines go to standard error)." };
        var output = new Option<string?>("--out") { Description = "Write the score vector (one value per node, in node-id order; .npy for NumPy).", HelpName = "FILE" };
        var pagerank = new Command("pagerank", """
            Time the PageRank kernel the way the GAP benchmark suite does: load or generate a graph, build the CSR,
            then run a fixed number of pull-direction iterations several times and report per-trial time,
            edge visits per second, memory and (with --verify) a residual check.

            Examples:
              resonance bench pagerank --graph rmat:22:16 --iterations 20 --trials 5 --verify
              resonance bench pagerank --graph ../shared/data/higgs-twitter/higgs-retweet_network.edgelist --out pr.npy
            """)
        { graph, iterations, tolerance, trials, threads, seed, verify, relabel, single, output, json };
        pagerank.SetAction((parse, ct) => CommandRunner.RunAsync(console, null, () =>
        {
            var report = Run(console, parse.GetValue(graph)!, parse.GetValue(iterations), parse.GetValue(tolerance), parse.GetValue(trials), parse.GetValue(threads),
                parse.GetValue(seed), parse.GetValue(verify), parse.GetValue(relabel), parse.GetValue(single), parse.GetValue(output), parse.GetValue(json), ct);
            if (parse.GetValue(json))
            {
                console.WriteJson(report);
            }

            return Task.FromResult(report.VerificationPassed == false ? ExitCodes.DataError : ExitCodes.Ok);
        }));
        return new Command("bench", "Benchmarks of the engine's kernels (numbers for bench/README.md).") { pagerank, LeidenBenchCommand.Create(console), CommunitiesBenchCommand.Create(console), SybilRankBenchCommand.Create(console), IntegrityBenchCommand.Create(console) };
    }

    private sealed record Report(string Graph, int Nodes, long Edges, int Iterations, int Threads, bool Relabel, bool Single, double LoadSeconds, double BuildSeconds, double[] TrialSeconds, double EdgesPerSecond, long ArrayBytes,
        long WorkingSetWhileIterating, long PeakProcessBytes, double? Residual, bool? VerificationPassed);

    private static Report Run(CliConsole console, string spec, int iterations, double tolerance, int trials, int? threads, ulong seed, bool verify, bool relabel, bool single, string? output, bool json, CancellationToken ct)
    {
        Action<string> say = json ? console.Error.WriteLine : console.Out.WriteLine;
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        var clock = Stopwatch.StartNew();
        var loaded = EdgeListLoader.Load(spec, seed);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var g = CsrGraphBuilder.Build(loaded.NodeCount, loaded.Sources, loaded.Targets, null, threads);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        say($"Graph: {loaded.Description}: {g.NodeCount:N0} nodes, {g.EdgeCount:N0} edges");
        say($"Load: {loadSeconds:F3} s   Build CSR (both directions): {buildSeconds:F3} s   Threads: {threads ?? Environment.ProcessorCount}");
        loaded = null;
        ReleaseFreedMemory();

        var options = new PageRankOptions { MaxIterations = iterations, Tolerance = tolerance, DegreeOfParallelism = threads, SingleContributions = single };
        int[]? oldOfNew = null;
        if (relabel)
        {
            // Relabelled once, as part of building (GAPBS also times only the kernel); the original graph is dropped.
            clock.Restart();
            var ordering = DegreeOrdering.Compute(g, threads);
            say($"Relabel by out-degree (once, part of the build): {clock.Elapsed.TotalSeconds:F3} s");
            g = ordering.Graph;
            oldOfNew = ordering.NewToOld;
            ordering = null;
            ReleaseFreedMemory();
        }

        var times = new double[trials];
        long workingSet = 0;
        PageRankResult? result = null;
        for (var t = 0; t < trials; t++)
        {
            ReleaseFreedMemory(); // the previous trial's buffers, outside the timed region
            clock.Restart();
            result = PageRank.Run(g, options, ct);
            times[t] = clock.Elapsed.TotalSeconds;
            workingSet = Math.Max(workingSet, Process.GetCurrentProcess().WorkingSet64);
            say($"Trial {t + 1}: {times[t]:F3} s, {result.Iterations} iterations  ({(double)g.EdgeCount * result.Iterations / times[t] / 1e9:F3} G edge-visits/s)");
        }
        var median = times.Order().ElementAt(trials / 2);
        var edgesPerSecond = (double)g.EdgeCount * result!.Iterations / median;
        // Both CSR directions + the kernel's n-vectors: scores ×2, inverse out-degrees, contributions ×2 (uniform teleport: none).
        var arrayBytes = g.MemoryBytes + (3L * g.NodeCount * sizeof(double)) + (2L * g.NodeCount * (single ? sizeof(float) : sizeof(double)));
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        say($"Median: {median:F3} s  ({edgesPerSecond / 1e9:F3} G edge-visits/s, {result.Iterations} iterations{(tolerance > 0 ? $", converged: {result.Converged}" : "")})");
        say($"Memory: kernel arrays {arrayBytes / 1048576.0:F0} MiB; working set while iterating {workingSet / 1048576.0:F0} MiB ({(double)workingSet / arrayBytes:F2}x); process peak incl. build {peak / 1048576.0:F0} MiB");

        double? residual = null;
        bool? passed = null;
        if (verify)
        {
            residual = PageRankVerifier.Residual(g, result!.Scores, options);
            passed = residual < VerifyTolerance;
            say($"Verification: {(passed.Value ? "PASS" : "FAIL")} (L1 residual of one serial push iteration {residual:E2}, limit {VerifyTolerance:0e0})");
        }
        if (output is not null)
        {
            var scores = result!.Scores;
            if (oldOfNew is not null)
            {
                scores = new double[scores.Length];
                for (var v = 0; v < scores.Length; v++)
                {
                    scores[oldOfNew[v]] = result.Scores[v];
                }
            }

            ScoreFile.Write(output, scores);
            say($"Scores written to {output}");
        }
        return new Report(spec, g.NodeCount, g.EdgeCount, result.Iterations, threads ?? Environment.ProcessorCount, relabel, single, loadSeconds, buildSeconds, times, edgesPerSecond, arrayBytes, workingSet, peak, residual, passed);
    }

    /// <summary>Collects the load and build garbage and returns its pages to the OS, so the working set measured while
    /// iterating reflects what the kernel holds, not what the loader left behind.</summary>
    private static void ReleaseFreedMemory()
    {
        // Aggressive: compacts and gives the freed pages back to the OS, so the working set is what is live.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }
}
