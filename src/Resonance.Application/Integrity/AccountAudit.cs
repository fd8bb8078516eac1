using Resonance.Application.Integrity.Signals;
using Resonance.Application.Scoring;

namespace Resonance.Application.Integrity;

/// <summary>One signal as shown by an audit.</summary>
/// <param name="Name">The signal's name.</param>
/// <param name="Description">What it measures.</param>
/// <param name="Value">Its raw value for the account.</param>
/// <param name="Score">Its suspicion score in [0, 1].</param>
public sealed record AuditSignal(string Name, string Description, double Value, double Score);

/// <summary>The newcomer cohort signal of one account, as an engaged account (<see cref="NewcomerCohortSignal"/>).</summary>
/// <param name="Engagers">Distinct accounts that engaged it (any kind but follow).</param>
/// <param name="Newcomers">Of those, the audience-less newcomers.</param>
/// <param name="Low">Lower end of the 95% Wilson interval of newcomers ÷ engagers.</param>
/// <param name="High">Upper end of that interval.</param>
/// <param name="BaseRate">The network's share of engagers that are audience-less newcomers.</param>
/// <param name="Lift">Low ÷ base rate where measured, else 0.</param>
/// <param name="Score">The cohort score: its newcomers' engagement with it counts 1 − this in resonance@2.</param>
/// <param name="NewcomerSinceMs">First appearances from this time make newcomers; <see cref="long.MaxValue"/> when the window
/// holds too little history to tell.</param>
/// <param name="Newcomer">Whether the account itself is a newcomer.</param>
/// <param name="Audienceless">Whether the account itself is a newcomer no established account engaged or followed.</param>
public sealed record AuditCohort(int Engagers, int Newcomers, double Low, double High, double BaseRate, double Lift, double Score,
    long NewcomerSinceMs, bool Newcomer, bool Audienceless);

/// <summary>The integrity audit of one account: every signal, trust, the likelihood with reasons, and audience quality.</summary>
/// <param name="StoreId">The account's store id.</param>
/// <param name="Likelihood">Its inauthenticity likelihood.</param>
/// <param name="Flagged">Whether it is likely inauthentic (likelihood ≥ the default threshold).</param>
/// <param name="Trust">Its endorsement trust (degree-normalised).</param>
/// <param name="Signals">Every signal, in report order.</param>
/// <param name="Reasons">The reasons behind the likelihood, strongest first.</param>
/// <param name="Audience">Its audience quality, or null when nobody engaged with it in the window.</param>
/// <param name="Cohort">The newcomer cohort signal of its audience.</param>
public sealed record AccountAudit(long StoreId, double Likelihood, bool Flagged, double Trust, IReadOnlyList<AuditSignal> Signals,
    IReadOnlyList<InauthenticityReason> Reasons, AudienceQuality? Audience, AuditCohort Cohort)
{
    /// <summary>Audits <paramref name="storeId"/> over the window of <paramref name="p"/> (all interactions of the input in it).</summary>
    /// <returns>The audit, or null when the account has no interaction in the window.</returns>
    public static AccountAudit? Run(ScoringInput input, ScoringParameters p, long storeId)
    {
        var model = Model(input, p);
        var id = IntegrityWeights.Id(storeId);
        var a = Array.BinarySearch(model.Log.AccountIds, id, StringComparer.Ordinal);
        if (a < 0)
        {
            return null;
        }
        var signals = model.Signals.Select((s, k) => new AuditSignal(s.Name, s.Describe(a, BehaviourSignals.All[k].Description), s.Values[a], s.Scores[a])).ToArray();
        var audience = AudienceQuality.Compute(model).FirstOrDefault(q => q.AccountId == id);
        var c = model.Cohort;
        var cohort = new AuditCohort(c.Engagers[a], c.Cohort[a], c.Low[a], c.High[a], c.BaseRate, c.Lift[a], c.Scores[a], c.NewcomerSinceMs,
            c.Newcomer[a], c.Audienceless[a]);
        return new AccountAudit(storeId, model.Likelihood[a], model.IsFlagged(a), model.Trust[a], signals, model.Reasons(a), audience, cohort);
    }

    /// <summary>The inauthenticity model of every account over the window of <paramref name="p"/>: the interactions of
    /// <paramref name="input"/> in it, self-interactions and zero weights left out (the cost of
    /// <see cref="InauthenticityModel.Evaluate"/>; deterministic).</summary>
    public static InauthenticityModel Model(ScoringInput input, ScoringParameters p)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(p);
        var kept = new List<int>();
        for (var i = 0; i < input.InteractionCount; i++)
        {
            var t = input.TimesMs[i];
            if ((t == ScoringInput.Untimed || (t >= p.WindowStartMs && t <= p.AsOfMs)) && input.ActorIds[i] != input.TargetIds[i] && input.Weights[i] > 0)
            {
                kept.Add(i);
            }
        }
        return InauthenticityModel.Evaluate(IntegrityWeights.Log(input, kept, [], p));
    }
}
