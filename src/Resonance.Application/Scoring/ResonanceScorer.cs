using Resonance.Engine.Randomness;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Scoring;

/// <summary>The resonance family (@1, @2): reach, amplification and network impact, calibrated to 1–100 with a bootstrap interval.</summary>
/// <remarks>
/// <para>The formula is in <see cref="RawScores"/> and <c>docs/scoring.md</c>. The 1–100 score is 1 + 99 × the account's
/// percentile among the engaged accounts of the run (<see cref="QuantileCalibration"/>), whose reference quantiles are
/// kept with the run.</para>
/// <para>Interval: a Poisson bootstrap over engagement pairs (Hanley and MacGibbon 2006; Chamandy et al. 2012,
/// "Estimating uncertainty for massive data streams"): each replicate gives every (engager, engaged) pair a Poisson(1)
/// multiplicity, recounts the raw scores from the pairs' contributions with the engagers' standing held fixed (so the
/// interval says how much the score rests on which engagements happened to be seen, not how uncertain the engagers'
/// own standing is) and maps them through the run's calibration. The
/// interval is the central <see cref="ScoringParameters.IntervalLevel"/> range of the replicates, widened if needed to
/// contain the point score.</para>
/// <para>Complexity: O(k·(n + m)) for the PageRank plus O(B·(n + m) + e·B log B) for B replicates over e engaged accounts. Determinism: each replicate draws from its own stream
/// <c>SplitMix64.Derive(seed, b)</c> in pair order and writes only its own slot, so the result is bit-identical for
/// any thread count.</para>
/// </remarks>
public static class ResonanceScorer
{
    /// <summary>Scores <paramref name="graph"/>; <paramref name="progress"/> receives the share done (0–1).</summary>
    /// <param name="graph">The engagement graph.</param>
    /// <param name="p">The parameters (validated here).</param>
    /// <param name="degreeOfParallelism">Threads; never changes the result.</param>
    /// <param name="progress">Share done, 0–1.</param>
    /// <param name="intervals">False to skip the bootstrap (the interval is then just the point score), for what-if rescoring.</param>
    /// <param name="ct">Cancellation.</param>
    public static ScoreComputation Score(EngagementGraph graph, ScoringParameters p, int? degreeOfParallelism = null,
        IProgress<double>? progress = null, bool intervals = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        if (p.HalfLifeFit == TempoFit.LeaveOneOut)
        {
            throw new ArgumentException($"{p.Algorithm} scores each account at its own tempo; use {nameof(ScoringPipeline)}.{nameof(ScoringPipeline.Score)}.");
        }

        var main = RawScores.Compute(graph, p, RawScores.PairKeys(graph), degreeOfParallelism, ct);
        var quantiles = Quantiles(main.Raw, p);
        var calibration = new QuantileCalibration(quantiles);
        return Finish(graph, p, main, quantiles, [.. Enumerable.Repeat(calibration, graph.NodeCount)], degreeOfParallelism, progress, intervals, ct);
    }

    /// <summary>The reference quantiles of the raw scores of the engaged accounts (raw &gt; 0) of one pass.</summary>
    internal static double[] Quantiles(double[] raw, ScoringParameters p)
    {
        var engagedRaws = raw.Where(r => r > 0).ToArray();
        return engagedRaws.Length > 0 ? [.. QuantileCalibration.Fit(engagedRaws, p.CalibrationQuantiles).Quantiles] : [0.0, 0.0];
    }

    /// <summary>Calibrates the raw scores of <paramref name="main"/>, each node through its own calibration
    /// (<paramref name="calibrationOf"/>; one for everyone before resonance@5), and adds the intervals.</summary>
    internal static ScoreComputation Finish(EngagementGraph graph, ScoringParameters p, RawScores main, double[] mainQuantiles,
        QuantileCalibration[] calibrationOf, int? degreeOfParallelism, IProgress<double>? progress, bool intervals, CancellationToken ct,
        LeaveOneOutScores? leaveOneOut = null, LeaveOneOutScores.Tuning? tuning = null)
    {
        var n = graph.NodeCount;
        var engaged = new bool[n];
        var score = new double[n];
        double[] low, high;
        if (leaveOneOut is not null)
        {
            var slotOf = new int[n];
            var slots = 0;
            for (var v = 0; v < n; v++)
            {
                engaged[v] = main.Raw[v] > 0;
                slotOf[v] = engaged[v] ? slots++ : -1;
            }

            var replicates = intervals ? ReplicateRaws(graph, p, main, slotOf, slots, degreeOfParallelism, progress, ct) : null;
            (score, low, high) = leaveOneOut.ScoreAll(main.Raw, engaged, replicates, slotOf, p.IntervalLevel, degreeOfParallelism, ct, tuning);
        }
        else
        {
            for (var v = 0; v < n; v++)
            {
                engaged[v] = main.Raw[v] > 0;
                score[v] = engaged[v] ? calibrationOf[v].Score(main.Raw[v]) : 1;
            }

            progress?.Report(1.0 / (p.BootstrapReplicates + 1));
            (low, high) = intervals
                ? Intervals(graph, p, calibrationOf, engaged, score, main, degreeOfParallelism, progress, ct)
                : ((double[])score.Clone(), (double[])score.Clone());
        }

        return new ScoreComputation
        {
            Parameters = p,
            Graph = graph,
            Engaged = engaged,
            Raw = main.Raw,
            BaseTerms = main.BaseTerms,
            Reach = main.Reach,
            Amplification = main.Amplification,
            Impact = main.Impact,
            PageRank = main.PageRank,
            Score = score,
            ScoreLow = low,
            ScoreHigh = high,
            ReachContribution = main.ReachContribution,
            AmplificationContribution = main.AmplificationContribution,
            ImpactContribution = main.ImpactContribution,
            CalibrationQuantiles = mainQuantiles,
            AmplificationPriorRate = p.AmplificationPriorRate,
            PageRankIterations = main.Iterations,
            PageRankConverged = main.Converged,
            LeaveOneOut = leaveOneOut,
        };
    }

    /// <summary>resonance@7's bootstrap: each engaged account's raw score in every replicate (<c>[b][slot]</c>), with each
    /// pair's multiplicity drawn from its accounts' ids (<see cref="LeaveOneOutScores.Multiplicity"/>) rather than its
    /// index, so that an account's replicates do not depend on which pairs it made itself.</summary>
    private static double[][] ReplicateRaws(EngagementGraph graph, ScoringParameters p, RawScores main, int[] slotOf, int slots,
        int? degreeOfParallelism, IProgress<double>? progress, CancellationToken ct)
    {
        var replicates = p.BootstrapReplicates;
        var raws = new double[replicates][];
        var done = 0;
        var pairKeys = new ulong[graph.PairCount];
        for (var e = 0; e < pairKeys.Length; e++)
        {
            pairKeys[e] = LeaveOneOutScores.PairKey(graph.AccountIds[graph.Sources[e]], graph.AccountIds[graph.Targets[e]]);
        }

        Parallel.For(0, replicates, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = ct },
            () => new RawScores.ReplicateBuffers(graph.NodeCount, graph.PairCount), (b, _, buffers) =>
        {
            var stream = SplitMix64.Derive(p.Seed, (ulong)b);
            for (var e = 0; e < pairKeys.Length; e++)
            {
                buffers.Multiplier[e] = LeaveOneOutScores.Multiplicity(stream, pairKeys[e]);
            }

            var replicate = RawScores.Replicate(graph, p, main, buffers);
            var r = new double[slots];
            for (var v = 0; v < slotOf.Length; v++)
            {
                if (slotOf[v] >= 0)
                {
                    r[slotOf[v]] = replicate[v];
                }
            }

            raws[b] = r;
            progress?.Report((Interlocked.Increment(ref done) + 1.0) / (replicates + 1));
            return buffers;
        }, _ => { });
        return raws;
    }

    private static (double[] Low, double[] High) Intervals(EngagementGraph graph, ScoringParameters p,
        QuantileCalibration[] calibrationOf, bool[] engaged, double[] score, RawScores main, int? degreeOfParallelism, IProgress<double>? progress, CancellationToken ct)
    {
        var n = graph.NodeCount;
        var replicates = p.BootstrapReplicates;
        var samples = new float[replicates][];
        var done = 0;
        // Each worker reuses its buffers across the replicates it draws; replicate b depends only on (seed, b).
        Parallel.For(0, replicates, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = ct },
            () => new RawScores.ReplicateBuffers(graph.NodeCount, graph.PairCount), (b, _, buffers) =>
        {
            var rng = new Xoshiro256StarStar(SplitMix64.Derive(p.Seed, (ulong)b));
            Sampling.FillPoisson(ref rng, 1.0, buffers.Multiplier);
            var replicate = RawScores.Replicate(graph, p, main, buffers);
            var s = new float[n];
            for (var v = 0; v < n; v++)
            {
                s[v] = engaged[v] ? (float)(replicate[v] > 0 ? calibrationOf[v].Score(replicate[v]) : 1) : 1;
            }

            samples[b] = s;
            progress?.Report((Interlocked.Increment(ref done) + 1.0) / (replicates + 1));
            return buffers;
        }, _ => { });

        return ReplicateIntervals.Of(samples, score, p.IntervalLevel, engaged,
            new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = ct });
    }
}
