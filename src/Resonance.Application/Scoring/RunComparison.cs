using Resonance.Engine.Statistics;

namespace Resonance.Application.Scoring;

/// <summary>One account whose score moved between two runs, with the sub-scores that moved most.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Before">Its score in A (1 when unscored there).</param>
/// <param name="After">Its score in B (1 when unscored there).</param>
/// <param name="Reason">The sub-scores that moved most, the population shift when at least half a point, the version change.</param>
/// <param name="PopulationShift">F_B(r_A) − F_A(r_A): A's raw score read as this account's score in B less in A, each run
/// reading it as it read the account's own score (the stored quantiles of its rung, or in resonance@7 its leave-one-out
/// calibration F₋A); the population part of <c>diff</c> between two runs of one version. Null when the account is scored
/// in one run only, or when an @7 run could not be re-read (<see cref="RunComparison.PopulationUnavailable"/>).</param>
public sealed record ScoreMover(long AccountId, double Before, double After, string Reason, double? PopulationShift = null)
{
    /// <summary>The version part of <see cref="Change"/> when the runs differ in version but scored the same window of the
    /// same data (<see cref="CompareRunsService.SameWindowAndData"/>): all of it, the change of calibration method
    /// included, with <see cref="PopulationShift"/> 0; null otherwise (between two versions on different windows the
    /// version and data changes are not separated without re-running A's window: <c>diff</c> does that).</summary>
    public double? VersionChange { get; init; }

    /// <summary>After − before, in score points.</summary>
    public double Change => After - Before;
}

/// <summary>Quantiles of the per-account score change (B − A) over accounts scored in both runs.</summary>
public sealed record ShiftSummary(double Mean, double Min, double P05, double P25, double Median, double P75, double P95, double Max, int Up, int Down, int Same);

/// <summary>Two runs side by side: agreement, how scores shifted and who moved most, so a new version can be judged before it is adopted.</summary>
/// <param name="A">The first run.</param>
/// <param name="B">The second run.</param>
/// <param name="InBoth">Accounts scored in both.</param>
/// <param name="OnlyInA">Accounts scored only in A.</param>
/// <param name="OnlyInB">Accounts scored only in B.</param>
/// <param name="Spearman">Rank correlation of the scores over <paramref name="InBoth"/> (NaN when undefined).</param>
/// <param name="TopOnePercentOverlap">Share of A's top 1% that is also in B's top 1% (over <paramref name="InBoth"/>).</param>
/// <param name="Shift">Distribution of B − A.</param>
/// <param name="Movers">Largest absolute changes first.</param>
/// <param name="Names">Names of the movers.</param>
public sealed record RunComparison(ScoreRunInfo A, ScoreRunInfo B, int InBoth, int OnlyInA, int OnlyInB, double Spearman,
    double TopOnePercentOverlap, ShiftSummary Shift, IReadOnlyList<ScoreMover> Movers, IReadOnlyDictionary<long, AccountRef> Names)
{
    /// <summary>Why the movers have no population shift, when a resonance@7 run's window changed since it was scored (its
    /// scores cannot be re-read through F₋A); null otherwise.</summary>
    public string? PopulationUnavailable { get; init; }
}

/// <summary>Builds <see cref="RunComparison"/>s from two stored runs.</summary>
/// <remarks>A mover's population shift reads A's raw score through each run's calibration for the account
/// (<see cref="RunRescoring.ReadersAsync"/>): for a resonance@7 run B, the movers' F₋A are computed from B's window,
/// watermark-checked, as its scores were; when its window changed, the movers carry no population shift and the
/// comparison says why. Between two versions on the same window of the same data the population part is 0 and the
/// change is the version's (<see cref="ScoreMover.VersionChange"/>).</remarks>
public sealed class CompareRunsService(IScoreStore store)
{
    /// <summary>Compares run <paramref name="a"/> with run <paramref name="b"/>, listing <paramref name="movers"/> top movers.</summary>
    public async Task<RunComparison> CompareAsync(long a, long b, int movers = 10, CancellationToken ct = default)
    {
        var runA = await store.GetRunAsync(a, ct).ConfigureAwait(false) ?? throw new ArgumentException($"no run {a}; see `resonance runs`.");
        var runB = await store.GetRunAsync(b, ct).ConfigureAwait(false) ?? throw new ArgumentException($"no run {b}; see `resonance runs`.");
        var scoresA = (await store.AllScoresAsync(a, ct).ConfigureAwait(false)).ToDictionary(s => s.AccountId);
        var scoresB = (await store.AllScoresAsync(b, ct).ConfigureAwait(false)).ToDictionary(s => s.AccountId);
        var both = scoresA.Keys.Where(scoresB.ContainsKey).Order().ToArray();
        var x = both.Select(id => scoresA[id].Score).ToArray();
        var y = both.Select(id => scoresB[id].Score).ToArray();
        var rho = both.Length >= 2 ? RankCorrelation.Spearman(x, y) : double.NaN;
        var overlap = both.Length > 0 ? TopOverlap.PrecisionAtFraction(x, y, 0.01) : double.NaN;
        var shifts = both.Select(id => scoresB[id].Score - scoresA[id].Score).ToArray();

        var moved = scoresA.Keys.Union(scoresB.Keys)
            .Select(id => (Id: id, Before: scoresA.TryGetValue(id, out var s) ? s.Score : 1, After: scoresB.TryGetValue(id, out var t) ? t.Score : 1))
            .OrderByDescending(m => Math.Abs(m.After - m.Before)).ThenBy(m => m.Id)
            .Take(movers)
            .ToList();
        var inBoth = moved.Where(m => scoresA.ContainsKey(m.Id) && scoresB.ContainsKey(m.Id)).Select(m => m.Id).ToArray();
        var sameWindow = runA.Algorithm != runB.Algorithm && SameWindowAndData(runA, runB);
        var (population, unavailable) = inBoth.Length > 0 && !sameWindow
            ? await PopulationAsync(runA, runB, inBoth, ct).ConfigureAwait(false)
            : (null, null);
        var top = moved.Select(m =>
        {
            var (sa, sb) = (scoresA.GetValueOrDefault(m.Id), scoresB.GetValueOrDefault(m.Id));
            double? shift = sa is null || sb is null ? null : sameWindow ? 0 : population?.Invoke(m.Id, sa);
            double? version = sameWindow ? m.After - m.Before : null;
            return new ScoreMover(m.Id, m.Before, m.After, Reason(sa, sb, runA, runB, shift), shift) { VersionChange = version };
        }).ToList();
        var names = await store.DescribeAccountsAsync([.. top.Select(m => m.AccountId)], ct).ConfigureAwait(false);
        return new RunComparison(runA, runB, both.Length, scoresA.Count - both.Length, scoresB.Count - both.Length, rho, overlap, Summarize(shifts), top, names)
        {
            PopulationUnavailable = unavailable,
        };
    }

    /// <summary>The population shift of an account scored in A with raw score r: F_B(r) − F_A(r), B's reader for that
    /// account (its F₋A for a resonance@7 run, computed for <paramref name="movers"/> only); null with the reason when an
    /// @7 run's window changed. A's reader is read only at the account's own raw score, which for an @7 run A is its
    /// stored score (bit for bit what F₋A gives), so A is never re-read.</summary>
    private async Task<(Func<long, AccountScore, double>? Shift, string? Unavailable)> PopulationAsync(ScoreRunInfo runA, ScoreRunInfo runB,
        IReadOnlyCollection<long> movers, CancellationToken ct)
    {
        try
        {
            const string why = "its scores cannot be re-read through their leave-one-out calibrations for the movers' population shift";
            var readB = await RunRescoring.ReadersAsync(store, runB, movers, why, ct).ConfigureAwait(false);
            return runA.Parameters.Calibration is null
                ? ((id, a) => readB(id)(a.Raw) - RunRescoring.Plain(runA.CalibrationFor(id))(a.Raw), null)
                : ((id, a) => readB(id)(a.Raw) - a.Score, null);
        }
        catch (InvalidOperationException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> scored the same window of the same data: the same
    /// network, start, as-of and defences, and the same watermark (latest interaction time and interactions used). Then
    /// B's version re-run on A's window (diff's reference) is B itself, so between two versions the population part is
    /// 0 and the whole change is the version's, the change of calibration method included.</summary>
    internal static bool SameWindowAndData(ScoreRunInfo a, ScoreRunInfo b) =>
        a.Parameters.Network == b.Parameters.Network && a.Parameters.WindowStartMs == b.Parameters.WindowStartMs
        && a.Parameters.AsOfMs == b.Parameters.AsOfMs && a.Parameters.IntegrityDefences == b.Parameters.IntegrityDefences
        && a.WatermarkLatestMs == b.WatermarkLatestMs && a.WatermarkInteractions == b.WatermarkInteractions;

    /// <summary>Names the sub-score changes (in raw units) that moved the score most, and the population shift.</summary>
    private static string Reason(AccountScore? a, AccountScore? b, ScoreRunInfo runA, ScoreRunInfo runB, double? population)
    {
        if (a is null)
        {
            return $"newly scored: reach {b!.Reach:0.##}, amplification {b.Amplification:0.##}, impact {b.Impact:0.##}";
        }

        if (b is null)
        {
            return $"no engagement in B's window (had reach {a.Reach:0.##})";
        }

        var parts = new List<(double Weight, string Text)>
        {
            (b.Reach - a.Reach, $"reach {a.Reach:0.##} → {b.Reach:0.##}"),
            ((runB.Parameters.AmplificationWeight * b.Amplification) - (runA.Parameters.AmplificationWeight * a.Amplification), $"amplification {a.Amplification:0.###} → {b.Amplification:0.###}"),
            ((runB.Parameters.ImpactWeight * b.Impact) - (runA.Parameters.ImpactWeight * a.Impact), $"impact {a.Impact:0.##} → {b.Impact:0.##}"),
        };
        var text = string.Join("; ", parts.Where(p => p.Weight != 0).OrderByDescending(p => Math.Abs(p.Weight)).Take(2).Select(p => p.Text));
        if (population is { } shift && Math.Abs(shift) >= 0.5)
        {
            text += $"{(text.Length > 0 ? "; " : "")}population shift {shift:+0.#;-0.#}";
        }

        if (runA.Algorithm != runB.Algorithm)
        {
            text += $"{(text.Length > 0 ? "; " : "")}version {runA.Algorithm} → {runB.Algorithm}";
        }

        return text.Length > 0 ? text : "unchanged sub-scores";
    }

    private static ShiftSummary Summarize(double[] shifts)
    {
        if (shifts.Length == 0)
        {
            return new ShiftSummary(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, 0);
        }

        var sorted = (double[])shifts.Clone();
        Array.Sort(sorted);

        return new ShiftSummary(shifts.Average(), sorted[0], SortedQuantile.At(sorted, 0.05), SortedQuantile.At(sorted, 0.25), SortedQuantile.At(sorted, 0.5), SortedQuantile.At(sorted, 0.75), SortedQuantile.At(sorted, 0.95), sorted[^1],
            shifts.Count(s => s > 0), shifts.Count(s => s < 0), shifts.Count(s => s == 0));
    }
}
