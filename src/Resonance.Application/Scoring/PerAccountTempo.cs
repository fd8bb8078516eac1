using Resonance.Engine.Statistics;

namespace Resonance.Application.Scoring;

/// <summary>
/// resonance@5: scores every account with its own leave-one-out tempo τ₋A (<see cref="LeaveOneOutTempo"/>), snapped to
/// <see cref="TempoLadder"/>, so that nothing an account does itself can change the decay it is scored with.
/// </summary>
/// <remarks>
/// <para>Method: τ₋A for every account, snapped to a rung; the graph is built and scored in full (PageRank included) once
/// per distinct rung, with that rung as resonance@4's fast half-life; each account's raw score, sub-scores and engager
/// contributions are taken from the pass of its own rung, so the explanation stays exact. Its 1–100 score is its
/// percentile among the raw scores of <b>every</b> engaged account of that same pass (one calibration per rung), and
/// its bootstrap interval uses that calibration too. So an account's score is exactly what a fixed-decay version with
/// its rung's half-life would give it: its own actions can move neither its rung (τ₋A leaves them out) nor, through
/// the other accounts' rungs, its calibration. The run records each rung with its number of accounts; the rungs other
/// than the main one (the one most accounts use) also record their accounts and calibration.</para>
/// <para>Complexity: O(m log m) for the fit plus, per rung, the graph and the resonance@1 computation (in practice one or
/// two rungs: τ₋A differs from τ by a few order statistics). Determinism: the fit is integer arithmetic on sorted rows and
/// every pass is deterministic, so the result is bit-identical for any row order and thread count.</para>
/// </remarks>
public static class PerAccountTempo
{
    /// <summary>Fits τ₋A for every account and builds the graph once per rung (the "graph" phase of a run).</summary>
    public static TempoGraphs Build(ScoringInput input, ScoringParameters p)
    {
        var (unfitted, fitted, first, rungOf) = FitRungs(input, p);
        var graphs = new List<EngagementGraph> { first };
        var rungs = new List<int> { rungOf[0] };
        var n = first.NodeCount;
        var passOf = new int[n];
        for (var v = 0; v < n; v++)
        {
            var k = rungOf[v + 1];
            var index = rungs.IndexOf(k);
            if (index < 0)
            {
                index = rungs.Count;
                rungs.Add(k);
                graphs.Add(EngagementGraph.Build(input, At(unfitted, k)));
            }

            passOf[v] = index;
        }

        return new TempoGraphs(fitted, graphs, rungs, passOf);
    }

    /// <summary>The fit of <see cref="Build"/>: the parameters the graphs are built with, those with the fitted τ recorded,
    /// the graph at the run-wide fit's rung, and the rungs (element 0 that rung, element v + 1 node v's).</summary>
    private static (ScoringParameters Unfitted, ScoringParameters Fitted, EngagementGraph First, int[] RungOf) FitRungs(ScoringInput input, ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        if (p.TempoRungs is not null)
        {
            // A run's recorded parameters: refit from the version's own, as re-running the version would.
            p = p with { RecentHalfLifeDays = ScoringAlgorithms.Defaults(p.Algorithm, p.AsOfMs).RecentHalfLifeDays, FittedHalfLifeDays = null, TempoAccounts = null, TempoRungs = null };
        }

        var windowMs = p.AsOfMs - p.WindowStartMs;
        var fit = LeaveOneOutTempo.Fit(input, p.WindowStartMs, p.AsOfMs, p.TempoMinEngagers);
        var fallbackMs = (long)Math.Round(p.RecentHalfLifeDays * 86_400_000d);
        int RungOf((long HalfTimeMs, int Accounts) f) => TempoLadder.Rung(f.Accounts > 0 ? f.HalfTimeMs : fallbackMs, windowMs);

        var firstRung = RungOf((fit.HalfTimeMs, fit.Accounts));
        var first = EngagementGraph.Build(input, At(p, firstRung));
        var rungOf = new int[first.NodeCount + 1];
        rungOf[0] = firstRung;
        for (var v = 0; v < first.NodeCount; v++)
        {
            rungOf[v + 1] = RungOf(fit.For(first.AccountIds[v]));
        }

        var fitted = p with
        {
            FittedHalfLifeDays = fit.Accounts > 0 ? Math.Clamp(fit.HalfTimeMs, 60_000, Math.Max(60_000, windowMs)) / 86_400_000d : null,
            TempoAccounts = fit.Accounts,
        };
        return (p, fitted, first, rungOf);
    }

    /// <summary>resonance@7's readers for a few accounts, without scoring the run: for each of
    /// <paramref name="accountIds"/> in the graph of <paramref name="input"/>, how its leave-one-out calibration F₋A reads a
    /// raw value (1 for raw ≤ 0), bit for bit what <see cref="ScoreComputation.ScoreReader"/> of a full
    /// <see cref="Score(ScoringInput, ScoringParameters, int?, IProgress{double}?, bool, CancellationToken)"/> gives; and
    /// the interactions the graph uses (the run's watermark check). Only the rungs of those accounts get a graph and a raw
    /// pass; no calibration of the other rungs, no bootstrap, no contributions and no F₋A of any other account. When
    /// <paramref name="p"/> is a run's recorded parameters and every account asked for is among <paramref name="scored"/>
    /// (scored by that run), their rungs are the recorded ones and the τ₋A fit is skipped too. Accounts outside the graph
    /// are left out.</summary>
    /// <remarks>Complexity: the τ₋A fit (skipped as above), one graph and one raw pass per distinct rung of the accounts
    /// (usually one), an O(n log n) sort of that rung's raw scores, and O(outdeg A + Σ_{u ∈ out A} outdeg u) per account
    /// for its changed set. Determinism: that of
    /// <see cref="Score(TempoGraphs, int?, IProgress{double}?, bool, CancellationToken)"/>, whose passes these are (a
    /// pass depends on the rung's decay, the pairs and the version's weights, not on the fitted τ recorded beside it).</remarks>
    internal static (Dictionary<long, Func<double, double>> Readers, int InteractionsUsed) LeaveOneOutReaders(ScoringInput input, ScoringParameters p,
        IEnumerable<long> accountIds, IReadOnlySet<long>? scored = null, int? degreeOfParallelism = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(accountIds);
        var ids = accountIds.Distinct().Order().ToArray();
        if (ids.Length == 0)
        {
            throw new ArgumentException("no account to read", nameof(accountIds));
        }

        var graphs = new Dictionary<int, EngagementGraph>();
        Func<long, int> rungOfAccount;
        ScoringParameters unfitted;
        if (p.TempoRungs is { } recorded && scored is not null && ids.All(scored.Contains))
        {
            // The recorded rungs of scored accounts are the ones a re-run fits.
            unfitted = p with { TempoRungs = null };
            rungOfAccount = id => recorded.Of(id).Rung;
        }
        else
        {
            var (before, _, first, rungOf) = FitRungs(input, p);
            (unfitted, graphs[rungOf[0]]) = (before, first);
            rungOfAccount = id => Array.BinarySearch(first.AccountIds, id) is var v and >= 0 ? rungOf[v + 1] : rungOf[0];
        }

        EngagementGraph GraphAt(int rung)
        {
            if (!graphs.TryGetValue(rung, out var g))
            {
                graphs[rung] = g = EngagementGraph.Build(input, At(unfitted, rung));
            }

            return g;
        }

        var scorers = new Dictionary<int, LeaveOneOutScores>();
        var readers = new Dictionary<long, Func<double, double>>();
        long[]? keys = null;
        foreach (var id in ids)
        {
            var rung = rungOfAccount(id);
            var graph = GraphAt(rung);
            var v = Array.BinarySearch(graph.AccountIds, id);
            if (v < 0)
            {
                continue;
            }

            if (!scorers.TryGetValue(rung, out var loo))
            {
                // The pass every account of this rung is scored with: the run's pairs (keys alike at every rung), the rung's decay.
                keys ??= RawScores.PairKeys(graph);
                var pass = RawScores.Compute(graph, At(unfitted, rung), keys, degreeOfParallelism, ct);
                scorers[rung] = loo = new LeaveOneOutScores([pass], new int[graph.NodeCount], unfitted);
            }

            var (removed, added) = loo.Changes(v, new());
            readers[id] = raw => raw > 0 ? loo.Score(v, raw, removed, added) : 1;
        }

        return (readers, graphs.Values.First().InteractionsUsed);
    }

    /// <summary>Scores the graphs of <see cref="Build"/> (the "score" phase); the result's parameters record the fit and the rungs.</summary>
    public static ScoreComputation Score(TempoGraphs built, int? degreeOfParallelism = null, IProgress<double>? progress = null,
        bool intervals = true, CancellationToken ct = default) => ScoreTuned(built, null, degreeOfParallelism, progress, intervals, ct);

    /// <summary><see cref="Score(TempoGraphs, int?, IProgress{double}?, bool, CancellationToken)"/> with resonance@7's
    /// changed sets found as <paramref name="tuning"/> says (the scores do not depend on it; tests compare them).</summary>
    internal static ScoreComputation ScoreTuned(TempoGraphs built, LeaveOneOutScores.Tuning? tuning, int? degreeOfParallelism = null,
        IProgress<double>? progress = null, bool intervals = true, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(built);
        var (p, graphs, rungs, passOf) = (built.Parameters, built.Graphs, built.Rungs, built.PassOf);
        var n = passOf.Length;
        var keys = RawScores.PairKeys(graphs[0]);
        var passes = graphs.Select((g, i) => RawScores.Compute(g, At(p, rungs[i]), keys, degreeOfParallelism, ct)).ToArray();
        var quantiles = passes.Select(s => ResonanceScorer.Quantiles(s.Raw, p)).ToArray();
        var calibrations = quantiles.Select(q => new QuantileCalibration(q)).ToArray();
        var engagedOn = new int[rungs.Count];
        for (var v = 0; v < n; v++)
        {
            engagedOn[passOf[v]] += passes[0].Raw[v] > 0 ? 1 : 0;
        }

        var main = Enumerable.Range(0, rungs.Count).OrderByDescending(i => engagedOn[i]).ThenBy(i => rungs[i]).First();
        var list = new TempoRungList();
        foreach (var i in Enumerable.Range(0, rungs.Count).OrderBy(i => rungs[i]))
        {
            var rung = new TempoRung(rungs[i], TempoLadder.HalfLifeDays(rungs[i]), engagedOn[i]);
            list.Add(i == main ? rung : rung with
            {
                AccountIds = [.. Enumerable.Range(0, n).Where(v => passOf[v] == i && passes[0].Raw[v] > 0).Select(v => graphs[0].AccountIds[v])],
                CalibrationQuantiles = quantiles[i],
            });
        }

        var fitted = p with { RecentHalfLifeDays = TempoLadder.HalfLifeDays(rungs[main]), TempoRungs = list };
        var graph = rungs.Count == 1 ? graphs[0] : EngagementGraph.Compose(graphs, passOf);
        var composed = rungs.Count == 1 ? passes[0] : RawScores.Compose(graph, passes, passOf, main);
        var leaveOneOut = p.Calibration == LeaveOneOutScores.Name ? new LeaveOneOutScores(passes, passOf, p) : null;
        return ResonanceScorer.Finish(graph, fitted, composed, quantiles[main], [.. passOf.Select(i => calibrations[i])],
            degreeOfParallelism, progress, intervals, ct, leaveOneOut, tuning);
    }

    /// <summary>Scores <paramref name="input"/> under <paramref name="p"/>: <see cref="Build"/>, then <see cref="Score(TempoGraphs, int?, IProgress{double}?, bool, CancellationToken)"/>.</summary>
    public static ScoreComputation Score(ScoringInput input, ScoringParameters p, int? degreeOfParallelism = null,
        IProgress<double>? progress = null, bool intervals = true, CancellationToken ct = default) =>
        Score(Build(input, p), degreeOfParallelism, progress, intervals, ct);

    private static ScoringParameters At(ScoringParameters p, int rung) => p with { RecentHalfLifeDays = TempoLadder.HalfLifeDays(rung) };
}

/// <summary>The graphs of a resonance@5 run, one per rung, before scoring.</summary>
/// <param name="Parameters">The version's parameters with the fitted τ recorded.</param>
/// <param name="Graphs">One graph per rung (same nodes and pairs, different decay).</param>
/// <param name="Rungs">The rung of each graph.</param>
/// <param name="PassOf">For every node, the index of its rung's graph.</param>
public sealed record TempoGraphs(ScoringParameters Parameters, IReadOnlyList<EngagementGraph> Graphs, IReadOnlyList<int> Rungs, int[] PassOf);
