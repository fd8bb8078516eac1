using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Resonance.Engine.Randomness;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Scoring;

/// <summary>
/// resonance@7's calibration F₋A: an account's 1–100 score is its percentile among every engaged account at its rung,
/// with everyone's raw score as it would be had the account made no outgoing interaction in the window.
/// </summary>
/// <remarks>
/// <para>Why: under resonance@6 an account's own actions cannot change its raw score, but they change other accounts'
/// raw scores (the accounts it engages gain; two steps on, the standing of those it engages changes), so its percentile
/// could still move, and on Higgs it rose by 4·10⁻¹⁰ after 1,000 own actions. Raw score, rung and F₋A are all functions
/// of the data without A's outgoing interactions, so A's own activity cannot change its score or interval at all.</para>
/// <para>Method. (1) The changed set C(A) at A's rung: A's targets v (their pair A → v leaves R, A, E and I of
/// <see cref="FixedPointRaw"/>; v leaves the population if A was its only engager) and the accounts two steps on,
/// A → u → v with v ≠ A, whose impact flow from u changes because T(u) loses q(A,u). The new totals are the old minus
/// A's integer terms, so each new raw score is bit-identical to what a run without A's out-edges computes. Cost
/// Σ_A (outdeg A + Σ_{u ∈ out A} outdeg u): 0.66 million pair visits on Higgs. (2) F₋A by rank arithmetic
/// (<see cref="ReplacedSampleCalibration"/>) on the rung's sorted raw scores with C(A)'s old values taken out and its
/// new ones put in; when none changed, F₋A is the run's calibration (bit for bit). (3) The interval: the bootstrap
/// multiplicity of a pair is drawn from a hash of (seed, replicate, engager id, engaged id), so A's replicates do not
/// depend on its out-edges either (in resonance@6 a pair's draw depended on its index, which new pairs shift); F₋A is
/// monotone, so only the four replicate order statistics the 5th–95th percentile reads are mapped.</para>
/// <para>Scoring every account (<see cref="ScoreAll"/>) does not build all of C(A): F₋A is read at five values only, and
/// <see cref="WindowedChanges"/> keeps the changes that can move what those lookups read, proves each lookup from what
/// it read, and widens its windows or falls back to <see cref="Changes"/> when the proof fails; the result is the same
/// bit for bit. <see cref="Changes"/> stays the definition, and what readers of a single account use.</para>
/// <para>Complexity: <see cref="Changes"/> O(outdeg A + Σ_{u ∈ out A} outdeg u); <see cref="ScoreAll"/> per account
/// O(outdeg A · log) plus the pairs in its windows (<see cref="WindowedChanges"/>); O(log Q · log n · log |C(A)|) per
/// lookup. Determinism: integer totals, each account writes its own slot, so bit-identical for any thread count.</para>
/// </remarks>
internal sealed class LeaveOneOutScores
{
    /// <summary>The name recorded in <see cref="ScoringParameters.Calibration"/>.</summary>
    public const string Name = "leave-one-out";

    private readonly IReadOnlyList<RawScores> passes;
    private readonly int[] passOf;
    private readonly ReplacedSampleCalibration?[] calibrations;
    private readonly int[] outStart;
    private readonly int quantileCount;

    /// <summary>The changed sets of every account of the passes (one per rung, same pairs), each account at the pass
    /// <paramref name="passOf"/> gives it.</summary>
    public LeaveOneOutScores(IReadOnlyList<RawScores> passes, int[] passOf, ScoringParameters p)
    {
        this.passes = passes;
        this.passOf = passOf;
        quantileCount = p.CalibrationQuantiles;
        // A pass with no engaged account has no calibration; nobody is scored through it (all passes share their pairs).
        calibrations = [.. passes.Select(s => s.Raw.Where(r => r > 0).ToArray() is { Length: > 0 } engaged ? new ReplacedSampleCalibration(engaged, p.CalibrationQuantiles) : null)];
        var g = passes[0].Sums!.Graph;
        outStart = new int[g.NodeCount + 1];
        foreach (var u in g.Sources)
        {
            outStart[u + 1]++;
        }

        for (var v = 0; v < g.NodeCount; v++)
        {
            outStart[v + 1] += outStart[v];
        }
    }

    /// <summary>The raw scores that change at <paramref name="a"/>'s rung when its out-edges are taken away: their old
    /// values (removed) and new ones (added, engaged accounts only), both ascending; empty when nothing changes.</summary>
    public (double[] Removed, double[] Added) Changes(int a, Dictionary<int, Delta> scratch)
    {
        var f = passes[passOf[a]].Sums!;
        var g = f.Graph;
        scratch.Clear();
        for (var e = outStart[a]; e < outStart[a + 1]; e++)
        {
            var v = g.Targets[e];
            var d = scratch.GetValueOrDefault(v);
            scratch[v] = d with
            {
                Reach = d.Reach - f.ReachQ[e], Amplifying = d.Amplifying - f.AmplifyingQ[e], Engagement = d.Engagement - f.EngagementQ[e],
                Flow = d.Flow - f.FlowQ[e], Engagers = d.Engagers - (g.ReachTerms[e] > 0 ? 1 : 0),
            };
        }

        for (var ea = outStart[a]; ea < outStart[a + 1]; ea++)
        {
            var u = g.Targets[ea];
            for (var e = outStart[u]; e < outStart[u + 1]; e++)
            {
                var v = g.Targets[e];
                if (v == a)
                {
                    continue;
                }

                var change = f.FlowOf(e, f.Standing.Without(u, ea, f.Back[e])) - f.FlowQ[e];
                if (change != 0)
                {
                    var d = scratch.GetValueOrDefault(v);
                    scratch[v] = d with { Flow = d.Flow + change };
                }
            }
        }

        if (scratch.Count == 0)
        {
            return ([], []);
        }

        var removed = new List<double>(scratch.Count);
        var added = new List<double>(scratch.Count);
        foreach (var (v, d) in scratch)
        {
            var old = passes[passOf[a]].Raw[v];
            var now = f.RawOf(v, f.Reach[v] + d.Reach, f.Amplifying[v] + d.Amplifying, f.Engagement[v] + d.Engagement, f.Flow[v] + d.Flow,
                f.Engagers[v] + d.Engagers);
            if (BitConverter.DoubleToInt64Bits(old) == BitConverter.DoubleToInt64Bits(now))
            {
                continue;
            }

            if (old > 0)
            {
                removed.Add(old);
            }

            if (now > 0)
            {
                added.Add(now);
            }
        }

        removed.Sort();
        added.Sort();
        return removed.SequenceEqual(added) ? ([], []) : ([.. removed], [.. added]);
    }

    /// <summary>The score of <paramref name="raw"/> under account <paramref name="a"/>'s calibration F₋A, given its
    /// <see cref="Changes"/>.</summary>
    public double Score(int a, double raw, double[] removed, double[] added) => calibrations[passOf[a]]!.Score(raw, removed, added);

    /// <summary>How <see cref="ScoreAll"/> finds each account's changes: the windowed set (<see cref="WindowedChanges"/>)
    /// with windows reaching <see cref="MarginScale"/> × (a quarter quantile bin + 4) reference ranks beyond the order
    /// statistics the run's own calibration reads for each value, widened 8-fold up to
    /// <see cref="Retries"/> times before the full set is used; or always the full set (<see cref="FullOnly"/>, tests).</summary>
    internal sealed record Tuning(double MarginScale = 1, int Retries = 2, bool FullOnly = false);

    /// <summary>What the last <see cref="ScoreAll"/> did: accounts scored from the windowed set at the first try, after
    /// widening, and from the full set.</summary>
    internal readonly record struct Counts(long FirstTry, long Widened, long Full);

    /// <summary>The counts of the last <see cref="ScoreAll"/>.</summary>
    internal Counts LastCounts { get; private set; }

    /// <summary>Every engaged account's score and interval: F₋A of its raw score, and of the order statistics of its
    /// bootstrap replicates (<paramref name="replicates"/>[b][slot], slot = <paramref name="slotOf"/>[a]) that the
    /// interval reads. The result does not depend on <paramref name="tuned"/> (bit for bit), only the time taken.</summary>
    public (double[] Score, double[] Low, double[] High) ScoreAll(double[] raw, bool[] engaged, double[][]? replicates, int[] slotOf,
        double intervalLevel, int? degreeOfParallelism, CancellationToken ct, Tuning? tuned = null)
    {
        var tuning = tuned ?? new Tuning();
        var n = engaged.Length;
        var score = new double[n];
        var low = new double[n];
        var high = new double[n];
        var tail = (1 - intervalLevel) / 2;
        if (n == 0)
        {
            return (score, low, high);
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = ct };
        var windowed = new WindowedChanges?[passes.Count];
        if (!tuning.FullOnly)
        {
            for (var i = 0; i < passes.Count; i++)
            {
                var used = false;
                for (var a = 0; a < n && !used; a++)
                {
                    used = engaged[a] && passOf[a] == i;
                }

                windowed[i] = used && calibrations[i] is { } c ? new WindowedChanges(passes[i], c, outStart, degreeOfParallelism, ct) : null;
            }
        }

        long firstTry = 0, widened = 0, full = 0;
        var replicateCount = replicates?.Length ?? 0;
        Parallel.ForEach(Partitioner.Create(0, n, 1024), options,
            () => (Scratch: new Dictionary<int, Delta>(), Column: new double[replicateCount], Mapped: new double[replicateCount],
                Reads: new List<double>(5), Work: new WindowedChanges.Workspace(n), Counts: new long[3]), (range, _, local) =>
            {
                for (var a = range.Item1; a < range.Item2; a++)
                {
                    if (!engaged[a])
                    {
                        (score[a], low[a], high[a]) = (1, 1, 1);
                        continue;
                    }

                    var column = local.Column;
                    for (var b = 0; b < column.Length; b++)
                    {
                        column[b] = replicates![b][slotOf[a]];
                    }

                    // F₋A is monotone, so the sorted scores are F₋A of the sorted raw scores; map only what the quantiles read.
                    Array.Sort(column);
                    var reads = local.Reads;
                    reads.Clear();
                    reads.Add(raw[a]);
                    foreach (var i in ReadIndices(column.Length, tail))
                    {
                        if (column[i] > 0)
                        {
                            reads.Add(column[i]);
                        }
                    }

                    var done = !tuning.FullOnly && windowed[passOf[a]] is { } w && outStart[a + 1] - outStart[a] < MaxWindowedDegree
                        && TryWindowed(w, a, raw[a], column, local.Mapped, reads, tail, tuning, local.Work, local.Counts, out score[a]);
                    if (!done)
                    {
                        local.Counts[2]++;
                        var (removed, added) = Changes(a, local.Scratch);
                        score[a] = Score(a, raw[a], removed, added);
                        foreach (var i in ReadIndices(column.Length, tail))
                        {
                            local.Mapped[i] = (float)(column[i] > 0 ? Score(a, column[i], removed, added) : 1);
                        }
                    }

                    if (replicates is null)
                    {
                        (low[a], high[a]) = (score[a], score[a]);
                        continue;
                    }

                    low[a] = Math.Min(score[a], Read(column, tail, local.Mapped));
                    high[a] = Math.Max(score[a], Read(column, 1 - tail, local.Mapped));
                }

                return local;
            }, local =>
            {
                Interlocked.Add(ref firstTry, local.Counts[0]);
                Interlocked.Add(ref widened, local.Counts[1]);
                Interlocked.Add(ref full, local.Counts[2]);
            });
        LastCounts = new Counts(firstTry, widened, full);
        return (score, low, high);
    }

    /// <summary>Out-degrees from here on use the full set: the windowed set sums a v's two-step changes in 64 bits, and
    /// each is at most 2⁴⁰ + 1 in magnitude (d·Δs(u)·p(u,v)·2⁴⁰ with Δs(u) ≤ d ≤ 1, plus rounding), so fewer than 2²¹
    /// terms cannot overflow.</summary>
    private const int MaxWindowedDegree = 1 << 21;

    /// <summary>Scores <paramref name="a"/> and maps the replicate order statistics the interval reads (into
    /// <paramref name="mapped"/>) from the windowed changed set, widening the windows when a lookup is not proved; false
    /// when it is still not proved after the retries.</summary>
    private bool TryWindowed(WindowedChanges w, int a, double x, double[] column, double[] mapped, List<double> reads, double tail,
        Tuning tuning, WindowedChanges.Workspace work, long[] counts, out double score)
    {
        var calibration = calibrations[passOf[a]]!;
        var bins = (calibration.Count + quantileCount - 2) / (quantileCount - 1);
        var margin = (long)Math.Ceiling(tuning.MarginScale * ((bins / 4.0) + 4));
        for (var attempt = 0; attempt <= tuning.Retries; attempt++, margin = Math.Max(1, margin) * 8)
        {
            w.Compute(a, CollectionsMarshal.AsSpan(reads), (int)Math.Min(margin, int.MaxValue), work);
            var proved = w.TryScore(x, work, out score);
            foreach (var i in ReadIndices(column.Length, tail))
            {
                if (!proved)
                {
                    break;
                }

                var y = 1.0;
                proved = column[i] <= 0 || w.TryScore(column[i], work, out y);
                mapped[i] = (float)y;
            }

            if (proved)
            {
                counts[attempt == 0 ? 0 : 1]++;
                return true;
            }
        }

        score = double.NaN;
        return false;
    }

    /// <summary>The replicate ranks <see cref="Read"/> interpolates for the two tails (with repeats).</summary>
    private static IEnumerable<int> ReadIndices(int replicates, double tail)
    {
        if (replicates == 0)
        {
            yield break;
        }

        for (var side = 0; side < 2; side++)
        {
            var lo = (int)Math.Floor((replicates - 1) * (side == 0 ? tail : 1 - tail));
            yield return lo;
            yield return Math.Min(lo + 1, replicates - 1);
        }
    }

    /// <summary><see cref="SortedQuantile.At"/> of the replicate scores, each read as resonance@6 reads one (a float of
    /// F₋A, 1 for a replicate that lost every engager), from <paramref name="mapped"/>[i], the read of rank i (only the
    /// two ranks it interpolates are read).</summary>
    private static double Read(double[] sortedRaw, double q, double[] mapped)
    {
        var h = (sortedRaw.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sortedRaw.Length - 1);
        var (below, above) = (mapped[lo], hi == lo ? double.NaN : mapped[hi]);
        return below + ((h - lo) * ((hi == lo ? below : above) - below));
    }

    /// <summary>The key of the pair (<paramref name="engager"/>, <paramref name="engaged"/>) for
    /// <see cref="Multiplicity"/>: a hash of the two account ids, so that it does not depend on which other pairs exist.</summary>
    public static ulong PairKey(long engager, long engaged) => SplitMix64.Derive((ulong)engager, (ulong)engaged);

    /// <summary>The bootstrap multiplicity of a pair in one replicate: a Poisson(1) draw by inverse transform from a hash of
    /// the replicate's stream (<c>SplitMix64.Derive(seed, b)</c>) and the pair's <see cref="PairKey"/>.</summary>
    /// <remarks>The draw is the least k with u &lt; F(k) (at most 64), F(k) = e⁻¹·Σ_{j ≤ k} 1/j! accumulated in double as
    /// pk /= j, cdf += pk; those 64 sums are the same every time, so they are computed once (<see cref="PoissonOneCdf"/>)
    /// and the draw counts the ones at most u: no division per draw, and the same k bit for bit (the sums never decrease,
    /// so the ones at most u are a prefix, and their count is where the accumulating loop stops).</remarks>
    public static int Multiplicity(ulong replicateStream, ulong pairKey)
    {
        var h = SplitMix64.Derive(replicateStream, pairKey);
        return PoissonOneInverse((h >> 11) * (1.0 / (1UL << 53)));
    }

    /// <summary>The Poisson(1) variate of the uniform <paramref name="u"/> in [0, 1): the least k ≤ 64 with u below
    /// <see cref="PoissonOneCdf"/>[k] (64 when there is none).</summary>
    internal static int PoissonOneInverse(double u)
    {
        var cdf = PoissonOneCdf;
        // k ≤ 3 for 98% of draws: counted without a branch; the rest walk on.
        var k = (u >= cdf[0] ? 1 : 0) + (u >= cdf[1] ? 1 : 0) + (u >= cdf[2] ? 1 : 0) + (u >= cdf[3] ? 1 : 0);
        if (k == 4)
        {
            while (k < cdf.Length && u >= cdf[k])
            {
                k++;
            }
        }

        return k;
    }

    /// <summary>F(k) for k = 0..63, as <see cref="Multiplicity"/>'s inverse transform accumulates them: e⁻¹, then pk /= k and
    /// cdf += pk.</summary>
    private static readonly double[] PoissonOneCdf = PoissonOneSums();

    private static double[] PoissonOneSums()
    {
        var sums = new double[64];
        var pk = ExpMinusOne;
        var cdf = pk;
        for (var k = 0; k < sums.Length; k++)
        {
            if (k > 0)
            {
                pk /= k;
                cdf += pk;
            }

            sums[k] = cdf;
        }

        return sums;
    }

    /// <summary>e⁻¹, the Poisson(1) probability of 0.</summary>
    private const double ExpMinusOne = 0.36787944117144233;

    /// <summary>The change of an account's fixed-point totals when one account's out-edges are taken away.</summary>
    internal readonly record struct Delta(Int128 Reach, Int128 Amplifying, Int128 Engagement, Int128 Flow, int Engagers);
}
