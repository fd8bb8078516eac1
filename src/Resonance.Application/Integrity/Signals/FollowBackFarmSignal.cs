using Resonance.Domain;

namespace Resonance.Application.Integrity.Signals;

/// <summary>Follow-back farms: the share of an account's followers with whom the follow became mutual within a day.</summary>
/// <remarks>
/// <para>A farm account trades follows: it follows back everyone who follows it, within minutes, and follows people
/// in bulk hoping they follow back; its followers are almost all such trades. People reciprocate some follows, late and
/// selectively. Value: over a's followers f (first timed follow f → a), the share for which a → f also exists and the
/// two follows are at most <see cref="LagHours"/> h apart, whichever came first. Accounts with
/// fewer than <see cref="MinFollowers"/> timed followers score 0. Score: <see cref="SignalResult.Ramp"/> from
/// <see cref="HumanShare"/> to <see cref="CertainShare"/>.</para>
/// <para>Complexity: O(m) expected (one pass to index first follow times, one to check each follow's reverse).
/// Determinism: counts of look-ups; the index is only queried; no threads.</para>
/// <para>Reference: Ghosh et al., "Understanding and combating link farming in the Twitter social network", WWW 2012
/// (reciprocation of follows by "social capitalists").</para>
/// </remarks>
public sealed class FollowBackFarmSignal : IBehaviourSignal
{
    /// <summary>Timed followers below which the signal is not measured.</summary>
    public const int MinFollowers = 10;

    /// <summary>How fast a follow-back must come to count.</summary>
    public const double LagHours = 24;

    /// <summary>Fast follow-back share a sociable person reaches; scores 0 at or below.</summary>
    public const double HumanShare = 0.3;

    /// <summary>Fast follow-back share that scores 1.</summary>
    public const double CertainShare = 0.8;

    /// <inheritdoc/>
    public string Name => "follow-back";

    /// <inheritdoc/>
    public string Description => "share of followers whose follow became mutual within 24 hours";

    /// <inheritdoc/>
    public SignalResult Compute(ActivityLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var n = log.AccountCount;
        var follows = new PairIndex(n);
        for (var i = 0; i < log.InteractionCount; i++)
        {
            if (log.Kinds[i] == InteractionKind.Follow && log.TimesMs[i] != ActivityLog.Untimed)
            {
                follows.Add(log.Actors[i], log.Targets[i], log.TimesMs[i]);
            }
        }
        var followers = new int[n];
        var backs = new int[n];
        var lag = (long)(LagHours * 3_600_000);
        for (var i = 0; i < log.InteractionCount; i++)
        {
            if (log.Kinds[i] != InteractionKind.Follow || log.TimesMs[i] == ActivityLog.Untimed)
            {
                continue;
            }
            int f = log.Actors[i], a = log.Targets[i];
            if (!follows.TryGet(f, a, out var first) || first != log.TimesMs[i])
            {
                continue; // count each follower once, at its first follow
            }
            followers[a]++;
            if (follows.TryGet(a, f, out var back) && Math.Abs(back - first) <= lag)
            {
                backs[a]++;
            }
        }
        var values = new double[n];
        var scores = new double[n];
        for (var a = 0; a < n; a++)
        {
            if (followers[a] >= MinFollowers)
            {
                values[a] = backs[a] / (double)followers[a];
                scores[a] = SignalResult.Ramp(values[a], HumanShare, CertainShare);
            }
        }
        return new SignalResult(Name, values, scores);
    }
}
