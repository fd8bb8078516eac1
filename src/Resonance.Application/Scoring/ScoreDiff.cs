namespace Resonance.Application.Scoring;

/// <summary>How one engager's contribution to an account changed between two runs.</summary>
/// <param name="EngagerId">The engager.</param>
/// <param name="Before">Contribution in the first run (raw units; 0 when absent).</param>
/// <param name="After">Contribution in the second run (raw units; 0 when absent).</param>
/// <param name="ScoreChange">The share of the engagement change (score points) owed to this engager.</param>
public sealed record ContributorChange(long EngagerId, double Before, double After, double ScoreChange)
{
    /// <summary><c>new</c>, <c>lost</c> or <c>changed</c>.</summary>
    public string Status => Before == 0 ? "new" : After == 0 ? "lost" : "changed";
}

/// <summary>Why an account's score changed from one run to another. The three parts add up to the total change.</summary>
/// <param name="Account">The account.</param>
/// <param name="From">The earlier run.</param>
/// <param name="To">The later run.</param>
/// <param name="ScoreBefore">Score in <paramref name="From"/> (1 when unscored there).</param>
/// <param name="ScoreAfter">Score in <paramref name="To"/> (1 when unscored there).</param>
/// <param name="EngagementChange">Points from new, lost and changed engagement (the contributors plus <paramref name="PriorChange"/>).</param>
/// <param name="PriorChange">Points from the amplification prior (the part owed to no engager).</param>
/// <param name="PopulationShift">Points from the calibration: everyone else's scores moved.</param>
/// <param name="AlgorithmChange">Points from the version change (0 when both runs share a version).</param>
/// <param name="Contributors">Per engager, largest absolute change first.</param>
/// <param name="Names">Names of the accounts mentioned.</param>
public sealed record ScoreDiff(AccountRef Account, ScoreRunInfo From, ScoreRunInfo To, double ScoreBefore, double ScoreAfter,
    double EngagementChange, double PriorChange, double PopulationShift, double AlgorithmChange,
    IReadOnlyList<ContributorChange> Contributors, IReadOnlyDictionary<long, AccountRef> Names)
{
    /// <summary>Between a version without integrity defences and one with them: the algorithm part split between the
    /// defences, the engagers' standing and the calibration; null otherwise.</summary>
    public Integrity.Discounts.DefenceAttribution? Defences { get; init; }

    /// <summary>Why <see cref="Defences"/> is missing although the versions differ only in the defences (the defended run
    /// could not be recomputed exactly); null otherwise.</summary>
    public string? DefencesUnavailable { get; init; }

    /// <summary>The whole change in score points.</summary>
    public double Total => ScoreAfter - ScoreBefore;

    /// <summary>Parts minus total; zero up to rounding.</summary>
    public double Residual => EngagementChange + PopulationShift + AlgorithmChange - Total;
}
