namespace Resonance.Application.Integrity.Attacks;

/// <summary>What one trick gained the attacker, in points on the 1–100 scale, under each way of scoring.</summary>
/// <param name="Trick">The trick's name.</param>
/// <param name="Actions">The actions the trick added (its budget as spent).</param>
/// <param name="RawGain">Gain under raw counting (percentile of interactions received, 1–100).</param>
/// <param name="V1Gain">Gain under resonance@1.</param>
/// <param name="V2Gain">Gain under resonance@2.</param>
public sealed record AttackResult(string Trick, int Actions, double RawGain, double V1Gain, double V2Gain)
{
    /// <summary>Accounts the trick created (bought bots); 0 when it used existing accounts only.</summary>
    public int AddedAccounts { get; init; }

    /// <summary>How many of <see cref="AddedAccounts"/> the resonance@2 model flags as likely inauthentic.</summary>
    public int AddedFlagged { get; init; }

    /// <summary>The mean resonance@2 inauthenticity likelihood of <see cref="AddedAccounts"/> (0 when none).</summary>
    public double AddedMeanLikelihood { get; init; }

    /// <summary>The attacker's newcomer cohort score after the trick (its audience-less newcomers' engagement counts 1 − this).</summary>
    public double AttackerCohortScore { get; init; }

    /// <summary>The attacker's newcomer cohort lift after the trick (0 when not measured).</summary>
    public double AttackerCohortLift { get; init; }

    /// <summary>The attacker's distinct engagers after the trick.</summary>
    public int AttackerEngagers { get; init; }

    /// <summary>Of <see cref="AttackerEngagers"/>, the audience-less newcomers.</summary>
    public int AttackerNewcomers { get; init; }

    /// <summary>The network's newcomer base rate after the trick.</summary>
    public double CohortBaseRate { get; init; }

    /// <summary>How many of <see cref="AddedAccounts"/> are audience-less newcomers whose engagement of the attacker the
    /// cohort discount cuts (0 when the attacker's cohort score is 0).</summary>
    public int AddedInCohort { get; init; }
}

/// <summary>The attack suite's report: the attacker, its baseline scores and every trick's gains.</summary>
/// <param name="Attacker">External id of the attacker.</param>
/// <param name="RawBefore">Its raw-count score before any trick.</param>
/// <param name="V1Before">Its resonance@1 score before any trick.</param>
/// <param name="V2Before">Its resonance@2 score before any trick.</param>
/// <param name="Results">One row per trick, genuine growth last.</param>
public sealed record AttackReport(string Attacker, double RawBefore, double V1Before, double V2Before, IReadOnlyList<AttackResult> Results);
