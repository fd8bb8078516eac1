using Resonance.Domain;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Integrity.Signals;

/// <summary>The newcomer cohort signal, at the receiving end: for each account, how much of its audience is made of
/// audience-less newcomers, against the network's base rate.</summary>
/// <remarks>
/// <para><b>Newcomer</b>: an account first seen (as actor, target or author) in the last <see cref="RecentMs"/> (30 days) of
/// the log, counted back from its last timed record, when the log holds at least <see cref="MinHistoryMs"/> (30 days) of
/// records before that: "first seen" means "new" only where the account would have been seen had it been active. A log
/// that covers less (Higgs' week, the cascades' 12 days) has no newcomers and the signal is silent. An account with an
/// untimed interaction is never a newcomer. <b>Audience-less newcomer</b>: a newcomer that no established account (one that is not a newcomer) has
/// engaged or followed (an unfollow vouches for nothing), so nobody who was there before vouches for it; newcomers engaging each other do not escape.
/// <b>Engagers</b> of v: the distinct accounts that engaged v (any kind but follow and unfollow); <b>cohort</b> k: those of them that are
/// audience-less newcomers. <b>Base rate</b> p₀: Σk ÷ Σn over every engaged account, the share of engager pairs that
/// come from audience-less newcomers anywhere in the network.</para>
/// <para>Value: the <b>lift</b>, the lower end of the 95% Wilson interval of k/n divided by p₀: how many times the base rate
/// the account's newcomer share is at least. Measured only when k ≥ <see cref="MinCohort"/>; score
/// <see cref="SignalResult.Ramp"/> from <see cref="HumanLift"/> to <see cref="CertainLift"/>. The limits were set on
/// Higgs, the URL cascades and the generated community's genuine accounts, never on the attack it stops (docs/integrity.md,
/// "Newcomer cohorts").</para>
/// <para>Use: it is a property of the engaged account's audience, not of the newcomers. resonance@2 multiplies the pairs
/// u → v from audience-less newcomers u by 1 − score(v), so the cohort loses its voice towards the account whose
/// audience is anomalous and keeps it everywhere else; a genuine newcomer among an ordinary audience loses nothing.</para>
/// <para>Complexity: O(m + n) time (passes over the log; distinct engagement pairs by <see cref="ActivityLog.DistinctEngagements"/>,
/// without hashing) and O(n) memory. Determinism: integer counts and one closed-form interval per account, in account
/// order; no threads; the log's order depends only on the set of records.</para>
/// <para>References: the related lockstep detectors look for groups acting on the same targets at the same time
/// (CopyCatch: Beutel, Xu, Guruswami, Palow, Faloutsos, "CopyCatch: stopping group attacks by spotting lockstep
/// behavior in social networks", WWW 2013; SynchroTrap: Cao, Yang, Yu, Palow, "Uncovering large groups of active
/// malicious accounts in online social networks", CCS 2014). Here the timing may be spread over weeks, so the evidence is
/// the shared target and the shared lack of history; the lift over a base rate with a Wilson bound is our own, as in
/// audience quality (Wilson 1927).</para>
/// </remarks>
public static class NewcomerCohortSignal
{
    /// <summary>Name of the signal in reports and discounts.</summary>
    public const string Name = "newcomer-cohort";

    /// <summary>What it measures, one line.</summary>
    public const string Description = "share of its engagers that are audience-less newcomers, over the network's base rate (95% lower bound)";

    /// <summary>How recent a first appearance makes an account a newcomer: 30 days before the log's last record.</summary>
    public const long RecentMs = 30 * 86_400_000L;

    /// <summary>How much of the log must precede the newcomers' period for "first seen" to mean "new": 30 days.</summary>
    public const long MinHistoryMs = 30 * 86_400_000L;

    /// <summary>Audience-less newcomers among an account's engagers below which it is not judged.</summary>
    public const int MinCohort = 10;

    /// <summary>Lift at or below which the score is 0.</summary>
    public const double HumanLift = 12;

    /// <summary>Lift from which the score is 1.</summary>
    public const double CertainLift = 24;

    /// <summary>Evaluates the signal on <paramref name="log"/>; <paramref name="recentMs"/> and <paramref name="minHistoryMs"/>
    /// replace <see cref="RecentMs"/> and <see cref="MinHistoryMs"/> (the calibration stress test uses the last third of a
    /// short log with no history required).</summary>
    public static CohortResult Compute(ActivityLog log, long recentMs = RecentMs, long minHistoryMs = MinHistoryMs)
    {
        ArgumentNullException.ThrowIfNull(log);
        var n = log.AccountCount;
        var first = new long[n];
        Array.Fill(first, long.MaxValue);
        var untimed = new bool[n];
        long lo = long.MaxValue, hi = long.MinValue;
        void See(int a, long t)
        {
            if (t == ActivityLog.Untimed)
            {
                untimed[a] = true;
                return;
            }

            first[a] = Math.Min(first[a], t);
            (lo, hi) = (Math.Min(lo, t), Math.Max(hi, t));
        }

        for (var i = 0; i < log.InteractionCount; i++)
        {
            See(log.Actors[i], log.TimesMs[i]);
            See(log.Targets[i], log.TimesMs[i]);
        }

        for (var k = 0; k < log.PostAuthors.Length; k++)
        {
            See(log.PostAuthors[k], log.PostTimesMs[k]);
        }

        var cut = lo > hi || hi - recentMs - lo < minHistoryMs ? long.MaxValue : hi - recentMs;
        var newcomer = new bool[n];
        for (var a = 0; a < n; a++)
        {
            newcomer[a] = !untimed[a] && first[a] != long.MaxValue && first[a] >= cut;
        }

        var vouched = new bool[n];
        for (var i = 0; i < log.InteractionCount; i++)
        {
            if (!newcomer[log.Actors[i]] && log.Kinds[i] != InteractionKind.Unfollow)
            {
                vouched[log.Targets[i]] = true;
            }
        }

        var audienceless = new bool[n];
        for (var a = 0; a < n; a++)
        {
            audienceless[a] = newcomer[a] && !vouched[a];
        }

        var engagers = new int[n];
        var cohort = new int[n];
        foreach (var (a, t) in log.DistinctEngagements())
        {
            engagers[t]++;
            cohort[t] += audienceless[a] ? 1 : 0;
        }

        long sumCohort = 0, sumEngagers = 0;
        for (var v = 0; v < n; v++)
        {
            (sumCohort, sumEngagers) = (sumCohort + cohort[v], sumEngagers + engagers[v]);
        }

        var baseRate = sumEngagers == 0 ? 0 : sumCohort / (double)sumEngagers;
        var low = new double[n];
        var high = new double[n];
        var lift = new double[n];
        var scores = new double[n];
        for (var v = 0; v < n; v++)
        {
            if (engagers[v] == 0)
            {
                continue;
            }

            (low[v], high[v]) = WilsonInterval.Compute(cohort[v], engagers[v]);
            if (cohort[v] >= MinCohort && baseRate > 0)
            {
                lift[v] = low[v] / baseRate;
                scores[v] = SignalResult.Ramp(lift[v], HumanLift, CertainLift);
            }
        }

        return new CohortResult(cut, newcomer, audienceless, engagers, cohort, baseRate, low, high, lift, scores);
    }
}

/// <summary>The newcomer cohort signal on one log (<see cref="NewcomerCohortSignal"/>), per account of the log.</summary>
/// <param name="NewcomerSinceMs">First appearances at or after this time make newcomers (<see cref="long.MaxValue"/> when the log has no time).</param>
/// <param name="Newcomer">Whether each account is a newcomer.</param>
/// <param name="Audienceless">Whether each account is a newcomer no established account engaged or followed.</param>
/// <param name="Engagers">Distinct accounts that engaged each account (any kind but follow).</param>
/// <param name="Cohort">Of those, the audience-less newcomers.</param>
/// <param name="BaseRate">Σ cohort ÷ Σ engagers over the whole log.</param>
/// <param name="Low">Lower end of the 95% Wilson interval of cohort ÷ engagers.</param>
/// <param name="High">Upper end of that interval.</param>
/// <param name="Lift">Low ÷ base rate where measured (cohort ≥ <see cref="NewcomerCohortSignal.MinCohort"/>), else 0.</param>
/// <param name="Scores">The score in [0, 1]: how anomalous the account's audience is; its cohort's engagement with it counts 1 − this.</param>
public sealed record CohortResult(long NewcomerSinceMs, bool[] Newcomer, bool[] Audienceless, int[] Engagers, int[] Cohort, double BaseRate,
    double[] Low, double[] High, double[] Lift, double[] Scores)
{
    /// <summary>The weight of <paramref name="engager"/>'s engagement with <paramref name="target"/>: 1 − the target's score when
    /// the engager is an audience-less newcomer, else 1.</summary>
    public double PairWeight(int engager, int target) => Audienceless[engager] ? 1 - Scores[target] : 1;
}
