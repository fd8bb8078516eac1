namespace Resonance.Application.Scoring;

/// <summary>A warning for a run whose fitted tempo (resonance@4 and later) rests on too little data to mean much: fewer
/// than <see cref="MinAccounts"/> accounts with enough engagers, or a half-time at the fit's one-minute floor (half an
/// account's engagers arrived with its first, as in hand-made data whose times are whole days). It changes nothing the
/// version computes; it tells the reader that the decay the scores used is a guess.</summary>
/// <remarks>Complexity O(1); deterministic (a function of the run's recorded parameters).</remarks>
public static class TempoFitWarning
{
    /// <summary>Below this many accounts behind the fit (each with at least <see cref="ScoringParameters.TempoMinEngagers"/>
    /// distinct engagers) the median half-time is read from a handful of streams. Higgs' week has about 26,000 to 44,000.</summary>
    public const int MinAccounts = 30;

    /// <summary>The fit's floor, one minute, in days.</summary>
    private const double FloorDays = 1 / 1440d;

    /// <summary>The warning for <paramref name="p"/>, or null when its version fits no tempo or the fit rests on enough data.</summary>
    public static string? For(ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.HalfLifeFit is null || p.TempoAccounts is not { } accounts)
        {
            return null;
        }

        var parts = new List<string>();
        if (accounts < MinAccounts)
        {
            parts.Add(accounts == 0
                ? $"no account has {p.TempoMinEngagers} or more distinct engagers, so the version's own {p.RecentHalfLifeDays * 24:0.#} h half-life was kept"
                : $"it rests on {accounts} account{(accounts == 1 ? "" : "s")} with {p.TempoMinEngagers} or more distinct engagers (fewer than {MinAccounts})");
        }

        if (p.FittedHalfLifeDays is { } days && days <= FloorDays)
        {
            parts.Add("it is at the fit's one-minute floor: half the engagers arrived with the first (are the times whole days?)");
        }

        return parts.Count == 0 ? null
            : $"the tempo fit ({p.Algorithm}: recent half-life fitted to the window) is unreliable here: {string.Join("; ", parts)}. " +
              "resonance@1 uses a fixed 7-day half-life.";
    }
}
