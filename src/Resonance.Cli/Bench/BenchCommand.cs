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
        var relabel = new Option<bool>("--relabel") { Description = "Set PageRankOptions.Relabel: relabel nodes by descending out-degree before iterating (the trial times include it; its cost is also timed once on its own)." };
        var output = new Option<string?>("--out") { Description = "Write the score vector (one value per node, in node-id order; .npy for NumPy).", HelpName = "FILE" };
        var pagerank = new Command("pagerank", """
            Time the PageRank kernel the way the GAP benchmark suite does: load or generate a graph, build the CSR,
            then run a fixed number of pull-direction iterations several times and report per-trial time,
            edge visits per second, memory and (with --verify) a residual check.

            Examples:
              resonance bench pagerank --graph rmat:22:16 --iterations 20 --trials 5 --verify
              resonance bench pagerank --graph ../shared/data/higgs-twitter/higgs-retweet_network.edgelist --out pr.npy
            """)
        { graph, iterations, tolerance, trials, threads, seed, verify, relabel, output };
        pagerank.SetAction((parse, ct) => CommandRunner.RunAsync(console, null, () =>
        {
            var report = Run(console, parse.GetValue(graph)!, parse.GetValue(iterations), parse.GetValue(tolerance), parse.GetValue(trials), parse.GetValue(threads),
                parse.GetValue(seed), parse.GetValue(verify), parse.GetValue(relabel), parse.GetValue(output), ct);
            return Task.FromResult(report.VerificationPassed == false ? ExitCodes.DataError : ExitCodes.Ok);
        }));
        return new Command("bench", "Benchmarks of the engine's kernels (numbers for bench/README.md).") { pagerank };
    }

    private sealed record Report(double LoadSeconds, double BuildSeconds, double[] TrialSeconds, double EdgesPerSecond, long ArrayBytes,
        long WorkingSetWhileIterating, long PeakProcessBytes, double? Residual, bool? VerificationPassed);

    private static Report Run(CliConsole console, string spec, int iterations, double tolerance, int trials, int? threads, ulong seed, bool verify, bool relabel, string? output, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        var clock = Stopwatch.StartNew();
        var loaded = EdgeListLoader.Load(spec, seed);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var g = CsrGraphBuilder.Build(loaded.NodeCount, loaded.Sources, loaded.Targets, null, threads);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        console.Out.WriteLine($"Graph: {loaded.Description}: {g.NodeCount:N0} nodes, {g.EdgeCount:N0} edges");
        console.Out.WriteLine($"Load: {loadSeconds:F3} s   Build CSR (both directions): {buildSeconds:F3} s   Threads: {threads ?? Environment.ProcessorCount}");
        loaded = null;
        ReleaseFreedMemory();

        var options = new PageRankOptions { MaxIterations = iterations, Tolerance = tolerance, DegreeOfParallelism = threads, Relabel = relabel };
        if (relabel)
        {
            // PageRank.Run relabels inside every trial; time the relabelling alone once so the kernel share can be read off.
            clock.Restart();
            var ordering = DegreeOrdering.Compute(g, threads);
            var relabelSeconds = clock.Elapsed.TotalSeconds;
            console.Out.WriteLine($"Relabel by out-degree: {relabelSeconds:F3} s for {ordering.Graph.EdgeCount:N0} edges (the end-to-end trials further down repeat it inside PageRank.Run)");

            // The kernel alone on the already relabelled graph, for when a relabelled graph is built once and reused.
            var kernelTimes = new double[trials];
            var plain = options with { Relabel = false };
            for (var t = 0; t < trials; t++)
            {
                clock.Restart();
                var r = PageRank.Run(ordering.Graph, plain, ct);
                kernelTimes[t] = clock.Elapsed.TotalSeconds;
                console.Out.WriteLine($"Kernel-only trial {t + 1} on the relabelled graph: {kernelTimes[t]:F3} s  ({(double)g.EdgeCount * r.Iterations / kernelTimes[t] / 1e9:F3} G edge-visits/s)");
            }

            var kernelMedian = kernelTimes.Order().ElementAt(trials / 2);
            console.Out.WriteLine($"Kernel-only median: {kernelMedian:F3} s  ({(double)g.EdgeCount * iterations / kernelMedian / 1e9:F3} G edge-visits/s if all {iterations} iterations ran)");
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
            console.Out.WriteLine($"Trial {t + 1}: {times[t]:F3} s, {result.Iterations} iterations  ({(double)g.EdgeCount * result.Iterations / times[t] / 1e9:F3} G edge-visits/s)");
        }
        var median = times.Order().ElementAt(trials / 2);
        var edgesPerSecond = (double)g.EdgeCount * result!.Iterations / median;
        var arrayBytes = g.MemoryBytes + 6L * g.NodeCount * sizeof(double); // both CSR directions + the kernel's six n-vectors
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        console.Out.WriteLine($"Median: {median:F3} s  ({edgesPerSecond / 1e9:F3} G edge-visits/s, {result.Iterations} iterations{(tolerance > 0 ? $", converged: {result.Converged}" : "")})");
        console.Out.WriteLine($"Memory: kernel arrays {arrayBytes / 1048576.0:F0} MiB; working set while iterating {workingSet / 1048576.0:F0} MiB ({(double)workingSet / arrayBytes:F2}x); process peak incl. build {peak / 1048576.0:F0} MiB");

        double? residual = null;
        bool? passed = null;
        if (verify)
        {
            residual = PageRankVerifier.Residual(g, result!.Scores, options);
            passed = residual < VerifyTolerance;
            console.Out.WriteLine($"Verification: {(passed.Value ? "PASS" : "FAIL")} (L1 residual of one serial push iteration {residual:E2}, limit {VerifyTolerance:0e0})");
        }
        if (output is not null)
        {
            ScoreFile.Write(output, result!.Scores);
            console.Out.WriteLine($"Scores written to {output}");
        }
        return new Report(loadSeconds, buildSeconds, times, edgesPerSecond, arrayBytes, workingSet, peak, residual, passed);
    }

    /// <summary>Collects the load and build garbage and returns its pages to the OS, so the working set measured while
    /// iterating reflects what the kernel holds, not what the loader left behind.</summary>
    private static void ReleaseFreedMemory()
    {
        // Not compacting: moving the graph's large arrays measurably slowed the kernel afterwards.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        GC.WaitForPendingFinalizers();
    }
}
