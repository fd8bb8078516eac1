using Resonance.Domain;

namespace Resonance.Application.Integrity.Signals;

/// <summary>Follow churn, in two parts: follow volume (the most distinct accounts followed within any 24 hours) and true
/// churn (the share of its follows an account undid by an unfollow within 7 days).</summary>
/// <remarks>
/// <para>A churner follows, waits for the follow-back and unfollows, again and again. Volume is the observable half
/// whatever the data: <c>max over t of |{distinct targets followed in [t, t + 24 h)}|</c>, scored by
/// <see cref="SignalResult.Ramp"/> from <see cref="HumanLimit"/> to <see cref="CertainLimit"/>. Where the data has
/// unfollow events (<see cref="InteractionKind.Unfollow"/>), the churn part is the share of the account's timed follows
/// followed by an unfollow of the same target within <see cref="ChurnWindowMs"/>, judged from
/// <see cref="ChurnMinimumFollows"/> follows and scored from <see cref="ChurnHumanShare"/> to
/// <see cref="ChurnCertainShare"/>. The score is the larger of the two; on a tie, or without unfollows, the value is the
/// volume; when the churn part decides, the value is the share and <see cref="SignalResult.Notes"/> says so. An account
/// without unfollow events scores exactly as the volume signal alone did.</para>
/// <para>Complexity: O(m log m) over the actor-sorted log (a sliding window with a per-account dictionary of counts; per
/// follow one binary search in the same target's unfollow times). Determinism: integer counts; single pass, no threads.</para>
/// <para>Reference: mass following as a link-farming marker, Ghosh et al., "Understanding and combating link farming in
/// the Twitter social network", WWW 2012; follow churn ("follow/unfollow") as a spam behaviour, Twitter's platform
/// manipulation policy, and Jiang et al., "Catching synchronized behaviors in large networks", KDD 2014 (context).</para>
/// </remarks>
public sealed class FollowChurnSignal : IBehaviourSignal
{
    /// <summary>New follows in a day that a person plausibly makes; scores 0 at or below.</summary>
    public const double HumanLimit = 15;

    /// <summary>New follows in a day that score 1.</summary>
    public const double CertainLimit = 60;

    /// <summary>How soon after a follow an unfollow of the same target counts as churn: 7 days.</summary>
    public const long ChurnWindowMs = 7 * 86_400_000L;

    /// <summary>Timed follows an account needs before its undone share is judged.</summary>
    public const int ChurnMinimumFollows = 20;

    /// <summary>Share of follows undone within a week that a person plausibly reaches (tidying up); scores 0 at or below.</summary>
    public const double ChurnHumanShare = 0.2;

    /// <summary>Share of follows undone within a week that scores 1.</summary>
    public const double ChurnCertainShare = 0.6;

    private const long WindowMs = 86_400_000;

    /// <inheritdoc/>
    public string Name => "follow-churn";

    /// <inheritdoc/>
    public string Description => "most distinct accounts followed within any 24 hours (follow volume; where unfollows are known, the share of follows undone within 7 days may decide instead)";

    /// <summary>The note of an account whose score the churn part decided.</summary>
    public static string ChurnNote(int follows) =>
        $"share of its {follows} follows undone by an unfollow within 7 days (true churn)";

    /// <inheritdoc/>
    public SignalResult Compute(ActivityLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var values = new double[log.AccountCount];
        var scores = new double[log.AccountCount];
        string?[]? notes = null;
        var follows = new List<(long Time, int Target)>();
        var unfollows = new Dictionary<int, List<long>>();
        var inWindow = new Dictionary<int, int>();
        for (var a = 0; a < log.AccountCount; a++)
        {
            follows.Clear();
            unfollows.Clear();
            for (var i = log.ActorStart[a]; i < log.ActorStart[a + 1]; i++)
            {
                if (log.TimesMs[i] == ActivityLog.Untimed)
                {
                    continue;
                }
                if (log.Kinds[i] == InteractionKind.Follow)
                {
                    follows.Add((log.TimesMs[i], log.Targets[i]));
                }
                else if (log.Kinds[i] == InteractionKind.Unfollow)
                {
                    if (!unfollows.TryGetValue(log.Targets[i], out var times))
                    {
                        unfollows[log.Targets[i]] = times = [];
                    }
                    times.Add(log.TimesMs[i]);
                }
            }
            values[a] = MostInADay(follows, inWindow);
            scores[a] = SignalResult.Ramp(values[a], HumanLimit, CertainLimit);
            if (unfollows.Count > 0 && follows.Count >= ChurnMinimumFollows)
            {
                var share = (double)UndoneWithinWindow(follows, unfollows) / follows.Count;
                var churn = SignalResult.Ramp(share, ChurnHumanShare, ChurnCertainShare);
                if (churn > scores[a])
                {
                    (values[a], scores[a]) = (share, churn);
                    notes ??= new string?[log.AccountCount];
                    notes[a] = ChurnNote(follows.Count);
                }
            }
        }
        return new SignalResult(Name, values, scores) { Notes = notes };
    }

    /// <summary>The most distinct targets among <paramref name="follows"/> (time-ordered) within any 24 hours.</summary>
    private static int MostInADay(List<(long Time, int Target)> follows, Dictionary<int, int> inWindow)
    {
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
        return best;
    }

    /// <summary>How many of <paramref name="follows"/> have an unfollow of the same target (times ascending) at or after
    /// the follow and at most <see cref="ChurnWindowMs"/> later.</summary>
    private static int UndoneWithinWindow(List<(long Time, int Target)> follows, Dictionary<int, List<long>> unfollows)
    {
        var undone = 0;
        foreach (var (time, target) in follows)
        {
            if (unfollows.TryGetValue(target, out var times))
            {
                var k = times.BinarySearch(time);
                k = k >= 0 ? k : ~k;
                if (k < times.Count && times[k] - time <= ChurnWindowMs)
                {
                    undone++;
                }
            }
        }
        return undone;
    }
}
