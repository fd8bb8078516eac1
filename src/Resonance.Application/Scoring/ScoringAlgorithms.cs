namespace Resonance.Application.Scoring;

/// <summary>The registry of algorithm versions. A version's defaults never change once released; a change is a new version.
/// A version marked "draft" in its summary is not released yet: its defaults may still change (every run records its
/// parameters and code revision either way).</summary>
public static class ScoringAlgorithms
{
    /// <summary>The version <c>resonance score</c> uses when none is named.</summary>
    public static AlgorithmId Default { get; } = new("resonance", 7);

    private static readonly SortedDictionary<string, (string Summary, Func<long, ScoringParameters> Defaults)> Versions = new(StringComparer.Ordinal)
    {
        ["resonance@1"] = ("reach + amplification + 0.1 × network impact (PageRank standing); 7-day half-life; 90-day window",
            asOf => new ScoringParameters { Algorithm = new("resonance", 1), AsOfMs = asOf }),
        ["resonance@2"] = ("draft (integrity defences, issue #4): resonance@1 with each engager counted at 1 − its inauthenticity likelihood, pod members' reciprocal engagement at 1 − their pod score, audience-less newcomers' engagement of an anomalous newcomer cohort's target at 1 − its cohort score and follow-backs not at all",
            asOf => new ScoringParameters { Algorithm = new("resonance", 2), AsOfMs = asOf, IntegrityDefences = true }),
        ["resonance@3"] = ("draft (fast-tempo networks): resonance@1 with 90% of the decay on a 12-hour half-life and 10% on 7 days",
            asOf => new ScoringParameters { Algorithm = new("resonance", 3), AsOfMs = asOf, RecentShare = 0.9, RecentHalfLifeDays = 0.5 }),
        ["resonance@4"] = ("draft (tempo-fitted decay): resonance@1 with 90% of the decay on the window's audience half-time τ (fitted per run) and 10% on 7 days",
            asOf => new ScoringParameters
            {
                Algorithm = new("resonance", 4), AsOfMs = asOf, RecentShare = 0.9, RecentHalfLifeDays = 0.5, HalfLifeFit = TempoFit.AudienceHalfTime,
            }),
        ["resonance@5"] = ("draft (tempo-fitted decay, own activity left out): resonance@4 with each account's τ fitted without its own outgoing interactions, snapped to a ladder of 2^(k/8) minutes, and its score calibrated among all accounts scored at that τ",
            asOf => new ScoringParameters
            {
                Algorithm = new("resonance", 5), AsOfMs = asOf, RecentShare = 0.9, RecentHalfLifeDays = 0.5, HalfLifeFit = TempoFit.LeaveOneOut,
            }),
        ["resonance@6"] = ("your own activity never moves your raw score: resonance@5 with each engager's standing in the impact term measured by the walks of length one into it that do not start at the engaged account (exact fixed point, no PageRank), so that an account's own outgoing activity cannot change its raw score by a single bit",
            asOf => new ScoringParameters
            {
                Algorithm = new("resonance", 6), AsOfMs = asOf, RecentShare = 0.9, RecentHalfLifeDays = 0.5, HalfLifeFit = TempoFit.LeaveOneOut,
                ImpactStanding = TwoStepStanding.Name,
            }),
        ["resonance@7"] = ("your own activity never moves your 1–100 score: resonance@6 with each account's score read through a leave-one-out calibration, its percentile among every engaged account at its rung with everyone's raw score as it would be had the account made no outgoing interaction (raw parts in exact fixed point, bootstrap draws keyed by account pair)",
            asOf => new ScoringParameters
            {
                Algorithm = new("resonance", 7), AsOfMs = asOf, RecentShare = 0.9, RecentHalfLifeDays = 0.5, HalfLifeFit = TempoFit.LeaveOneOut,
                ImpactStanding = TwoStepStanding.Name, Calibration = LeaveOneOutScores.Name,
            }),
    };

    /// <summary>Every known version with a one-line summary.</summary>
    public static IReadOnlyList<(AlgorithmId Id, string Summary)> All =>
        [.. Versions.Select(kv => (AlgorithmId.Parse(kv.Key), kv.Value.Summary))];

    /// <summary>The defaults of <paramref name="id"/> for a run as of <paramref name="asOfMs"/>.</summary>
    /// <exception cref="ArgumentException">The version is not known; the message lists those that are.</exception>
    public static ScoringParameters Defaults(AlgorithmId id, long asOfMs) =>
        Versions.TryGetValue(id.ToString(), out var v)
            ? v.Defaults(asOfMs)
            : throw new ArgumentException($"unknown algorithm '{id}'; known: {string.Join(", ", Versions.Keys)}.");
}
