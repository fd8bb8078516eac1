namespace Resonance.Application.Scoring;

/// <summary>
/// Fits the decay to the network's own tempo (resonance@4): the <b>audience half-time</b> τ, how long it takes an
/// account's audience to arrive, measured on the run's own window.
/// </summary>
/// <remarks>
/// <para>Method: keep the interactions the engagement graph keeps that carry a time (inside [as-of − window, as-of],
/// not self-interactions, positive weight). For every engaged account v, take the time each distinct engager first
/// engaged it, sorted: t₀ ≤ t₁ ≤ … ≤ t_{m−1}. If m ≥ <see cref="ScoringParameters.TempoMinEngagers"/>, v's half-time is
/// t_{⌈m/2⌉−1} − t₀: the time from its first engager until half of its engagers had arrived. τ is the median account's
/// half-time (the ⌈n/2⌉-th smallest of the n half-times), at least one minute and at most the window. When an account's
/// response decays exponentially from its first engager, the expected median arrival delay is the half-life of that
/// decay, so τ estimates the half-life of attention in the network (Wu &amp; Huberman [1] measured the same quantity on
/// Digg: attention to a story decays with a half-life of about an hour). Medians, not means, so that a few accounts
/// with very long or very short response streams do not move τ. With fewer than one qualifying account, the version's
/// own recent half-life is kept and <see cref="ScoringParameters.TempoAccounts"/> is 0.</para>
/// <para>Only the window's data is read, so a run as of T never looks past T: in <c>resonance evaluate</c> τ comes from
/// the training part alone.</para>
/// <para>Complexity: O(m log m) time and O(m) memory for m interactions (one sort of the pairs' first times).
/// Determinism: a function of the set of rows (sorted before use; medians pick an element, no averaging), so the same
/// data gives the same τ in any order and for any thread count.</para>
/// <para>References:
/// [1] F. Wu, B. A. Huberman (2007). Novelty and collective attention. PNAS 104(45), 17599–17601.</para>
/// </remarks>
public static class TempoFit
{
    /// <summary>The name of the estimator, as recorded in <see cref="ScoringParameters.HalfLifeFit"/>.</summary>
    public const string AudienceHalfTime = "audience-half-time";

    /// <summary>resonance@5's estimator: the audience half-time left one out per account (<see cref="LeaveOneOutTempo"/>,
    /// scored by <see cref="PerAccountTempo"/>).</summary>
    public const string LeaveOneOut = "audience-half-time-leave-one-out";

    private const long MinuteMs = 60_000;

    /// <summary>Returns <paramref name="p"/> with its recent half-life fitted to <paramref name="input"/>'s window when
    /// the version asks for a fit (<see cref="ScoringParameters.HalfLifeFit"/> set); otherwise <paramref name="p"/> unchanged.</summary>
    /// <exception cref="ArgumentException">The version names an estimator this build does not know.</exception>
    public static ScoringParameters Apply(ScoringInput input, ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(p);
        if (p.HalfLifeFit is null)
        {
            return p;
        }

        if (p.HalfLifeFit == LeaveOneOut)
        {
            throw new ArgumentException($"{p.Algorithm} fits a half-life per account; score it with {nameof(ScoringPipeline)}.{nameof(ScoringPipeline.Score)}.");
        }

        if (p.HalfLifeFit != AudienceHalfTime)
        {
            throw new ArgumentException($"unknown half-life fit '{p.HalfLifeFit}'; known: {AudienceHalfTime}, {LeaveOneOut}.");
        }

        var (tauMs, accounts) = AudienceHalfTimeMs(input, p.WindowStartMs, p.AsOfMs, p.TempoMinEngagers);
        if (accounts == 0)
        {
            return p with { TempoAccounts = 0, FittedHalfLifeDays = null };
        }

        var windowMs = p.AsOfMs - p.WindowStartMs;
        var days = Math.Clamp(tauMs, MinuteMs, Math.Max(MinuteMs, windowMs)) / 86_400_000d;
        return p with { RecentHalfLifeDays = days, FittedHalfLifeDays = days, TempoAccounts = accounts };
    }

    /// <summary>The median account's audience half-time in milliseconds over accounts with at least
    /// <paramref name="minEngagers"/> distinct engagers in [<paramref name="startMs"/>, <paramref name="asOfMs"/>],
    /// and the number of such accounts (0, with a time of 0, when there is none).</summary>
    public static (long HalfTimeMs, int Accounts) AudienceHalfTimeMs(ScoringInput input, long startMs, long asOfMs, int minEngagers)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(minEngagers, 2);
        var rows = TimedRows(input, startMs, asOfMs);
        var halfTimes = new List<long>();
        var arrivals = new List<long>();
        for (var j = 0; j < rows.Count; j++)
        {
            var first = j == 0 || rows[j].Target != rows[j - 1].Target || rows[j].Actor != rows[j - 1].Actor;
            if (first)
            {
                arrivals.Add(rows[j].Time);
            }

            if (j == rows.Count - 1 || rows[j + 1].Target != rows[j].Target)
            {
                if (arrivals.Count >= minEngagers)
                {
                    arrivals.Sort();
                    halfTimes.Add(arrivals[((arrivals.Count + 1) / 2) - 1] - arrivals[0]);
                }

                arrivals.Clear();
            }
        }

        if (halfTimes.Count == 0)
        {
            return (0, 0);
        }

        halfTimes.Sort();
        return (halfTimes[((halfTimes.Count + 1) / 2) - 1], halfTimes.Count);
    }

    /// <summary>The rows the fit reads, as (target, actor, time), sorted: timed, inside [<paramref name="startMs"/>,
    /// <paramref name="asOfMs"/>], not self-interactions, positive weight (what the engagement graph keeps).</summary>
    internal static List<(long Target, long Actor, long Time)> TimedRows(ScoringInput input, long startMs, long asOfMs)
    {
        var rows = new List<(long Target, long Actor, long Time)>(input.InteractionCount);
        for (var i = 0; i < input.InteractionCount; i++)
        {
            var t = input.TimesMs[i];
            if (t != ScoringInput.Untimed && t >= startMs && t <= asOfMs && input.ActorIds[i] != input.TargetIds[i] && input.Weights[i] > 0)
            {
                rows.Add((input.TargetIds[i], input.ActorIds[i], t));
            }
        }

        rows.Sort();
        return rows;
    }
}
