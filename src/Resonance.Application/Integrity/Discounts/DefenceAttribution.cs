using Resonance.Application.Scoring;

namespace Resonance.Application.Integrity.Discounts;

/// <summary>One part of a version change's effect on a score.</summary>
/// <param name="Name"><c>follow-back</c>, <c>inauthentic</c>, <c>pod</c>, <c>newcomer-cohort</c>, <c>standing</c> or <c>calibration</c>.</param>
/// <param name="Title">What it is, in a few words.</param>
/// <param name="Raw">Its change to the account's raw score (0 for the calibration).</param>
/// <param name="Points">Its change in score points.</param>
/// <param name="Defence">The defence, for the first four parts.</param>
public sealed record AttributionPart(string Name, string Title, double Raw, double Points, DefenceKind? Defence = null);

/// <summary>The algorithm part of a diff between a version without integrity defences and one with them (either way
/// round), split between the defences. The parts add up to the algorithm part exactly (up to rounding).</summary>
/// <remarks>
/// <para>With r the account's raw score, F the calibration and ref the later version re-run on the earlier run's window
/// (as in <see cref="DiffService"/>), the algorithm part F_ref(r_ref) − F_from(r_from) is the account's own raw change
/// at the later calibration, F_ref(r_ref) − F_ref(r_from), plus the <c>calibration</c> part F_ref(r_from) − F_from(r_from):
/// everyone else's discounts moved the scale. The own raw change is r_defended − r_plain (negated when the defences are
/// removed) = Σ defences' amounts (<see cref="DiscountLedger"/>, standing held as in the defended run) + <c>standing</c>:
/// the undiscounted score with the defended run's standing minus the plain score, i.e. what the defences did elsewhere
/// to the engagers' standing and to the amplification denominators. Points are shared among these raw parts in proportion,
/// as <see cref="DiffService"/> shares engagement among engagers.</para>
/// </remarks>
/// <param name="Ledger">The discounts in the defended run (the later version's re-run, or the earlier run).</param>
/// <param name="Added">True from a version without defences to one with them; false the other way.</param>
/// <param name="Parts">The parts: each defence, the standing and the calibration.</param>
public sealed record DefenceAttribution(DiscountLedger Ledger, bool Added, IReadOnlyList<AttributionPart> Parts)
{
    /// <summary>The parts' points together: the diff's algorithm part up to rounding.</summary>
    public double Points => Parts.Sum(p => p.Points);

    /// <summary>Whether a change from <paramref name="earlier"/> to <paramref name="later"/> is only the integrity defences
    /// being added or removed, everything else that shapes a raw score being equal.</summary>
    public static bool Applies(ScoringParameters earlier, ScoringParameters later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var aligned = earlier with
        {
            Algorithm = later.Algorithm, IntegrityDefences = later.IntegrityDefences, AsOfMs = later.AsOfMs, WindowDays = later.WindowDays,
            Network = later.Network, KindWeights = later.KindWeights, Seed = later.Seed, BootstrapReplicates = later.BootstrapReplicates,
            IntervalLevel = later.IntervalLevel,
            // The topic step never shapes a raw score (and its method follows the defences: topic-filtered@1 with them).
            Topics = later.Topics,
        };
        return earlier.IntegrityDefences != later.IntegrityDefences && aligned == later
            && earlier.KindWeights.OrderBy(k => k.Key, StringComparer.Ordinal).SequenceEqual(later.KindWeights.OrderBy(k => k.Key, StringComparer.Ordinal));
    }

    /// <summary>Splits a version change of one account.</summary>
    /// <param name="ledger">The discounts in the defended run.</param>
    /// <param name="plainRaw">The account's raw score under the version without defences (same window).</param>
    /// <param name="added">Whether the later version is the defended one.</param>
    /// <param name="pointsPerRaw">Points per raw unit of the account's own change at the later calibration
    /// ((F_ref(r_ref) − F_ref(r_from)) / (r_ref − r_from); 0 when the raw score did not change).</param>
    /// <param name="calibration">F_ref(r_from) − F_from(r_from).</param>
    public static DefenceAttribution Create(DiscountLedger ledger, double plainRaw, bool added, double pointsPerRaw, double calibration)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var sign = added ? 1 : -1;
        var parts = ledger.Defences.Select(d => Part(DefenceKinds.Name(d.Kind), DefenceKinds.Title(d.Kind), sign * d.Amount) with { Defence = d.Kind }).ToList();
        parts.Add(Part("standing", "engagers' standing (the defences acting elsewhere)", sign * (ledger.Undiscounted - plainRaw)));
        parts.Add(new AttributionPart("calibration", "calibration (everyone else's scores moved)", 0, calibration));
        return new DefenceAttribution(ledger, added, parts);

        AttributionPart Part(string name, string title, double raw) => new(name, title, raw, raw * pointsPerRaw);
    }
}
