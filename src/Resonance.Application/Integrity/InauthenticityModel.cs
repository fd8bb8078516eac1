using Resonance.Application.Integrity.Signals;

namespace Resonance.Application.Integrity;

/// <summary>Per-account inauthenticity likelihood: the behavioural signals and endorsement trust combined by a noisy OR.</summary>
/// <remarks>
/// <para>Combination: <c>L = 1 − (1 − w·lowTrust) · Π_s (1 − score_s)</c>, with <c>lowTrust = 1 − Ramp(trust, 0, median
/// positive trust)</c> and w = <see cref="TrustWeight"/>. Each signal is evidence on its own (one certain signal gives
/// L = 1); independent weak signals add up; low trust alone is weak evidence (accounts nobody has reposted yet are
/// mostly new, not fake), so it can never flag an account by itself: w &lt; <see cref="DefaultThreshold"/>.</para>
/// <para>An account is <em>likely inauthentic</em> when L ≥ <see cref="DefaultThreshold"/>. L is a calibrated-looking number
/// but not a probability fitted to labels: it orders accounts, and the threshold was chosen on generated data (see
/// docs/integrity.md for precision and recall).</para>
/// <para>Complexity: the sum of the signals' and the trust walk's. Determinism: every part is deterministic and the
/// product runs in signal order.</para>
/// </remarks>
/// <param name="log">The log evaluated.</param>
/// <param name="signals">Every signal's result, in <see cref="BehaviourSignals.All"/> order.</param>
/// <param name="trust">Endorsement trust per account.</param>
/// <param name="lowTrust">Low trust per account in [0, 1].</param>
/// <param name="likelihood">Inauthenticity likelihood per account in [0, 1]; use <see cref="Evaluate"/> to compute all of them consistently.</param>
/// <param name="cohort">The newcomer cohort signal of the log (<see cref="NewcomerCohortSignal"/>): a property of each account's
/// audience, not of the account, so it is not part of the likelihood.</param>
public sealed class InauthenticityModel(ActivityLog log, IReadOnlyList<SignalResult> signals, double[] trust, double[] lowTrust, double[] likelihood,
    CohortResult cohort)
{
    /// <summary>Weight of low trust in the combination.</summary>
    public const double TrustWeight = 0.3;

    /// <summary>Likelihood at or above which an account counts as likely inauthentic.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>The log evaluated.</summary>
    public ActivityLog Log { get; } = log;

    /// <summary>Every signal, in <see cref="BehaviourSignals.All"/> order.</summary>
    public IReadOnlyList<SignalResult> Signals { get; } = signals;

    /// <summary>Endorsement trust per account (<see cref="EndorsementTrust"/>).</summary>
    public double[] Trust { get; } = trust;

    /// <summary>Low trust per account in [0, 1].</summary>
    public double[] LowTrust { get; } = lowTrust;

    /// <summary>Inauthenticity likelihood per account in [0, 1].</summary>
    public double[] Likelihood { get; } = likelihood;

    /// <summary>The newcomer cohort signal: per account, how anomalous the share of audience-less newcomers among its engagers is.</summary>
    public CohortResult Cohort { get; } = cohort;

    /// <summary>Whether account <paramref name="a"/> is likely inauthentic at the default threshold.</summary>
    public bool IsFlagged(int a) => Likelihood[a] >= DefaultThreshold;

    /// <summary>Evaluates every signal and the trust walk on <paramref name="log"/>.</summary>
    public static InauthenticityModel Evaluate(ActivityLog log, IReadOnlyList<int>? trustSeeds = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        return Combine(log, [.. BehaviourSignals.All.Select(s => s.Compute(log))], EndorsementTrust.Compute(log, trustSeeds), NewcomerCohortSignal.Compute(log));
    }

    /// <summary>Combines signals already computed on <paramref name="log"/> (in <see cref="BehaviourSignals.All"/> order) with
    /// its endorsement trust and newcomer cohorts; <see cref="Evaluate"/> computes them.</summary>
    public static InauthenticityModel Combine(ActivityLog log, IReadOnlyList<SignalResult> signals, double[] trust, CohortResult cohort)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(trust);
        ArgumentNullException.ThrowIfNull(cohort);
        var positive = trust.Where(t => t > 0).Order().ToArray();
        var median = positive.Length == 0 ? 1 : positive[positive.Length / 2];
        var n = log.AccountCount;
        var low = new double[n];
        var likelihood = new double[n];
        for (var a = 0; a < n; a++)
        {
            low[a] = 1 - SignalResult.Ramp(trust[a], 0, median);
            var clean = 1 - (TrustWeight * low[a]);
            foreach (var s in signals)
            {
                clean *= 1 - s.Scores[a];
            }
            likelihood[a] = 1 - clean;
        }
        return new InauthenticityModel(log, signals, trust, low, likelihood, cohort);
    }

    /// <summary>The reasons behind account <paramref name="a"/>'s likelihood: every signal with a positive score and low
    /// trust when it counts, strongest first (ties in signal order).</summary>
    public IReadOnlyList<InauthenticityReason> Reasons(int a)
    {
        var reasons = new List<InauthenticityReason>();
        for (var k = 0; k < Signals.Count; k++)
        {
            if (Signals[k].Scores[a] > 0)
            {
                reasons.Add(new(Signals[k].Name, Signals[k].Describe(a, BehaviourSignals.All[k].Description), Signals[k].Values[a], Signals[k].Scores[a]));
            }
        }
        if (LowTrust[a] > 0)
        {
            reasons.Add(new("low-trust", "little trust reaches it over reposts and quotes from trusted accounts", Trust[a], TrustWeight * LowTrust[a]));
        }
        return [.. reasons.OrderByDescending(r => r.Score)];
    }
}
