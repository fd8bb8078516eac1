using Resonance.Engine.Statistics;

namespace Resonance.Application.Scoring;

/// <summary>One account whose score moved between two runs, with the sub-scores that moved most.</summary>
public sealed record ScoreMover(long AccountId, double Before, double After, string Reason)
{
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
    double TopOnePercentOverlap, ShiftSummary Shift, IReadOnlyList<ScoreMover> Movers, IReadOnlyDictionary<long, AccountRef> Names);

/// <summary>Builds <see cref="RunComparison"/>s from two stored runs.</summary>
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

        var top = scoresA.Keys.Union(scoresB.Keys)
            .Select(id => (Id: id, Before: scoresA.TryGetValue(id, out var s) ? s.Score : 1, After: scoresB.TryGetValue(id, out var t) ? t.Score : 1))
            .OrderByDescending(m => Math.Abs(m.After - m.Before)).ThenBy(m => m.Id)
            .Take(movers)
            .Select(m => new ScoreMover(m.Id, m.Before, m.After, Reason(scoresA.GetValueOrDefault(m.Id), scoresB.GetValueOrDefault(m.Id), runA, runB)))
            .ToList();
        var names = await store.DescribeAccountsAsync([.. top.Select(m => m.AccountId)], ct).ConfigureAwait(false);
        return new RunComparison(runA, runB, both.Length, scoresA.Count - both.Length, scoresB.Count - both.Length, rho, overlap, Summarize(shifts), top, names);
    }

    /// <summary>Names the sub-score changes (in raw units) that moved the score most, and the calibration shift.</summary>
    private static string Reason(AccountScore? a, AccountScore? b, ScoreRunInfo runA, ScoreRunInfo runB)
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
        var population = new QuantileCalibration(runB.CalibrationFor(a.AccountId)).Score(a.Raw) - new QuantileCalibration(runA.CalibrationFor(a.AccountId)).Score(a.Raw);
        if (Math.Abs(population) >= 0.5)
        {
            text += $"{(text.Length > 0 ? "; " : "")}population shift {population:+0.#;-0.#}";
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
