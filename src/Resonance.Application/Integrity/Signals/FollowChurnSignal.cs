using Resonance.Domain;

namespace Resonance.Application.Integrity.Signals;

/// <summary>Follow churn, approximated: the most distinct accounts an account followed within any 24 hours.</summary>
/// <remarks>
/// <para>The data model has no unfollow event, so true churn (follow, wait for the follow-back, unfollow, repeat) cannot
/// be observed. What can be observed is its necessary half: churners follow far more accounts per day than anyone reads.
/// Value: <c>max over t of |{distinct targets followed in [t, t + 24 h)}|</c>. Score: <see cref="SignalResult.Ramp"/>
/// from <see cref="HumanLimit"/> to <see cref="CertainLimit"/>. A real churn signal (share of follows undone within a week)
/// needs unfollow events in <see cref="InteractionKind"/>; see docs/integrity.md.</para>
/// <para>Complexity: O(m) over the actor-sorted log (a sliding window; a per-account dictionary of counts in the window).
/// Determinism: integer counts; single pass, no threads.</para>
/// <para>Reference: mass following as a link-farming marker, Ghosh et al., "Understanding and combating link farming in
/// the Twitter social network", WWW 2012.</para>
/// </remarks>
public sealed class FollowChurnSignal : IBehaviourSignal
{
    /// <summary>New follows in a day that a person plausibly makes; scores 0 at or below.</summary>
    public const double HumanLimit = 15;

    /// <summary>New follows in a day that score 1.</summary>
    public const double CertainLimit = 60;

    private const long WindowMs = 86_400_000;

    /// <inheritdoc/>
    public string Name => "follow-churn";

    /// <inheritdoc/>
    public string Description => "most distinct accounts followed within any 24 hours (no unfollow events: churn is approximated by follow volume)";

    /// <inheritdoc/>
    public SignalResult Compute(ActivityLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var values = new double[log.AccountCount];
        var scores = new double[log.AccountCount];
        var follows = new List<(long Time, int Target)>();
        var inWindow = new Dictionary<int, int>();
        for (var a = 0; a < log.AccountCount; a++)
        {
            follows.Clear();
            for (var i = log.ActorStart[a]; i < log.ActorStart[a + 1]; i++)
            {
                if (log.Kinds[i] == InteractionKind.Follow && log.TimesMs[i] != ActivityLog.Untimed)
                {
                    follows.Add((log.TimesMs[i], log.Targets[i]));
                }
            }
            inWindow.Clear();
            var best = 0;
            var lo = 0;
            for (var hi = 0; hi < follows.Count; hi++)
            {
                while (follows[hi].Time - follows[lo].Time >= WindowMs)
                {
                    var left = follows[lo++].Target;
                    if (--inWindow[left] == 0)
                    {
                        inWindow.Remove(left);
                    }
                }
                inWindow[follows[hi].Target] = inWindow.GetValueOrDefault(follows[hi].Target) + 1;
                best = Math.Max(best, inWindow.Count);
            }
            values[a] = best;
            scores[a] = SignalResult.Ramp(best, HumanLimit, CertainLimit);
        }
        return new SignalResult(Name, values, scores);
    }
}
