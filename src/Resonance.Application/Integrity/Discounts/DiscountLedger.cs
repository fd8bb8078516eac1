namespace Resonance.Application.Integrity.Discounts;

/// <summary>The resonance@2 defences, in the order they are applied.</summary>
public enum DefenceKind
{
    /// <summary>A follow made at most 24 hours after being followed counts nothing.</summary>
    FollowBack,

    /// <summary>Every engager's engagement counts 1 − L′ (its inauthenticity likelihood without the pod signal).</summary>
    Inauthentic,

    /// <summary>A pod member's engagement with those who engage it back counts 1 − its pod score.</summary>
    Pod,

    /// <summary>An audience-less newcomer's engagement with an account whose audience is an anomalous newcomer cohort counts
    /// 1 − that account's cohort score.</summary>
    Cohort,
}

/// <summary>Names and descriptions of the defences as people read them.</summary>
public static class DefenceKinds
{
    /// <summary>The defences in the order they are applied.</summary>
    public static IReadOnlyList<DefenceKind> All { get; } = [DefenceKind.FollowBack, DefenceKind.Inauthentic, DefenceKind.Pod, DefenceKind.Cohort];

    /// <summary>The defence's name in JSON: <c>follow-back</c>, <c>inauthentic</c>, <c>pod</c> or <c>newcomer-cohort</c>.</summary>
    public static string Name(DefenceKind kind) => kind switch
    {
        DefenceKind.FollowBack => "follow-back",
        DefenceKind.Inauthentic => "inauthentic",
        DefenceKind.Pod => "pod",
        _ => "newcomer-cohort",
    };

    /// <summary>What the defence discounts, in a few words.</summary>
    public static string Title(DefenceKind kind) => kind switch
    {
        DefenceKind.FollowBack => "follow-back farm follows",
        DefenceKind.Inauthentic => "engagement from low-trust and likely-inauthentic accounts",
        DefenceKind.Pod => "pod reciprocity",
        _ => "newcomer cohort (audience-less newcomers en masse)",
    };
}

/// <summary>What one engager's contribution lost to each defence, in raw-score units (standing held as in the run).</summary>
/// <param name="EngagerId">The engager's store id.</param>
/// <param name="Undiscounted">Its contribution with no pair discounted.</param>
/// <param name="Contribution">Its contribution in the run (0 when every pair was dropped).</param>
/// <param name="Steps">The change each defence made, in <see cref="DefenceKinds.All"/> order; they add up to
/// <paramref name="Contribution"/> − <paramref name="Undiscounted"/>. A defence applied to other engagers can move this one
/// a little too (its share of the engager's out-weight, or what the target returns, changed).</param>
/// <param name="FollowBacksDropped">Its follows of the account dropped as follow-backs.</param>
/// <param name="Weight">1 − L′, the weight of all its engagement (1 when it is not in the defended graph).</param>
/// <param name="PodScore">Its pod score where its engagement of this account was discounted as pod reciprocity, else 0.</param>
/// <param name="Reasons">The reasons behind its likelihood, strongest first (the pod signal among them when it has one).</param>
/// <remarks><see cref="CohortScore"/> is the account's newcomer cohort score where this engager is an audience-less newcomer
/// and its engagement was discounted for it, else 0.</remarks>
public sealed record EngagerDiscount(long EngagerId, double Undiscounted, double Contribution, IReadOnlyList<double> Steps, int FollowBacksDropped,
    double Weight, double PodScore, IReadOnlyList<InauthenticityReason> Reasons)
{
    /// <summary>The engaged account's newcomer cohort score where this engager is an audience-less newcomer of that cohort, else 0.</summary>
    public double CohortScore { get; init; }

    /// <summary>Whether the pod discount applied to its engagement of the account.</summary>
    public bool PodApplied => PodScore > 0;

    /// <summary>Whether the newcomer cohort discount applied to its engagement of the account.</summary>
    public bool CohortApplied => CohortScore > 0;

    /// <summary>Whether any defence applied to it directly.</summary>
    public bool Discounted => FollowBacksDropped > 0 || Weight < 1 || PodApplied || CohortApplied;

    /// <summary>The change <paramref name="kind"/> made to its contribution.</summary>
    public double Step(DefenceKind kind) => Steps[(int)kind];

    /// <summary>Whether <paramref name="kind"/> applied to it directly.</summary>
    public bool Hit(DefenceKind kind) => kind switch
    {
        DefenceKind.FollowBack => FollowBacksDropped > 0,
        DefenceKind.Inauthentic => Weight < 1,
        DefenceKind.Pod => PodApplied,
        _ => CohortApplied,
    };
}

/// <summary>What one defence took from an account's raw score.</summary>
/// <param name="Kind">The defence.</param>
/// <param name="Amount">Its whole change to the raw score (negative for a discount): every engager's step plus any change of
/// the amplification prior (which counts only while some engager has reach).</param>
/// <param name="Direct">The part owed to the engagers it applied to directly.</param>
/// <param name="Engagers">How many engagers it applied to directly.</param>
public sealed record DefenceDiscount(DefenceKind Kind, double Amount, double Direct, int Engagers)
{
    /// <summary>The rest: the defence acting on other pairs of the same engagers, or on the prior.</summary>
    public double Indirect => Amount - Direct;
}

/// <summary>Every resonance@2 discount applied to one account's raw score in one run.</summary>
/// <remarks>Exact: <see cref="Undiscounted"/> plus every defence's amount is <see cref="Raw"/> up to rounding, and
/// <see cref="Raw"/> is the run's raw score bit for bit.</remarks>
/// <param name="AccountId">The account.</param>
/// <param name="Undiscounted">Its raw score with no pair discounted and everyone's standing as in the run.</param>
/// <param name="Raw">Its raw score in the run.</param>
/// <param name="UndiscountedBase">The amplification prior without discounts.</param>
/// <param name="Base">The amplification prior in the run.</param>
/// <param name="Defences">Each defence's total, in <see cref="DefenceKinds.All"/> order.</param>
/// <param name="Engagers">Every engager, discounted or not, by store id.</param>
public sealed record DiscountLedger(long AccountId, double Undiscounted, double Raw, double UndiscountedBase, double Base,
    IReadOnlyList<DefenceDiscount> Defences, IReadOnlyList<EngagerDiscount> Engagers)
{
    /// <summary>Undiscounted + Σ amounts − raw; zero up to rounding.</summary>
    public double Residual => Undiscounted + Defences.Sum(d => d.Amount) - Raw;

    /// <summary>The engagers <paramref name="kind"/> applied to, by the size of its step.</summary>
    public IEnumerable<EngagerDiscount> Hit(DefenceKind kind) =>
        Engagers.Where(e => e.Hit(kind)).OrderBy(e => e.Step(kind)).ThenBy(e => e.EngagerId);

    /// <summary>How many of the engagers <paramref name="kind"/> applied to have each reason as their strongest (the pod
    /// signal left out, since it is a defence of its own), most common first.</summary>
    public IReadOnlyList<(string Signal, int Engagers)> StrongestReasons(DefenceKind kind) =>
        [.. Hit(kind).Select(e => e.Reasons.FirstOrDefault(r => r.Signal != "pod")?.Signal ?? "none")
            .GroupBy(s => s).Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ThenBy(g => g.Key, StringComparer.Ordinal)];
}
