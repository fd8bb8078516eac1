namespace Resonance.Application.Integrity.Signals;

/// <summary>The behavioural signals Resonance computes, in report order.</summary>
public static class BehaviourSignals
{
    /// <summary>Every signal: rate, follow churn, selectivity, pod, follow-back farm, near-duplicate text.</summary>
    public static IReadOnlyList<IBehaviourSignal> All { get; } =
    [
        new RateSignal(), new FollowChurnSignal(), new SelectivitySignal(), new PodSignal(), new FollowBackFarmSignal(), new NearDuplicateSignal(),
    ];
}
