namespace Resonance.Application.Integrity.Signals;

/// <summary>Inhuman rates and bursts: the most actions an account took within any 60 minutes.</summary>
/// <remarks>
/// <para>Value: <c>max over t of |{actions of a in [t, t + 60 min)}|</c>, all kinds including follows, timed actions only.
/// Score: <see cref="SignalResult.Ramp"/> from <see cref="HumanLimit"/> (a person liking, replying and following by hand
/// for an hour) to <see cref="CertainLimit"/>. Rationale and the distributions on generated data: docs/integrity.md.</para>
/// <para>Complexity: O(m) over the actor-sorted log (a two-pointer sliding window per actor). Determinism: integer counts
/// over a sorted log; single pass, no threads.</para>
/// <para>Reference: burst and inter-event-time features of social bots, Chavoshi, Hamooni and Mueen, "DeBot: Twitter bot
/// detection via warped correlation", ICDM 2016; Ferrara et al., "The rise of social bots", CACM 59(7), 2016.</para>
/// </remarks>
public sealed class RateSignal : IBehaviourSignal
{
    /// <summary>Actions per hour a person can sustain by hand; scores 0 at or below.</summary>
    public const double HumanLimit = 12;

    /// <summary>Actions per hour that score 1.</summary>
    public const double CertainLimit = 40;

    private const long WindowMs = 3_600_000;

    /// <inheritdoc/>
    public string Name => "rate";

    /// <inheritdoc/>
    public string Description => "most actions within any 60 minutes";

    /// <inheritdoc/>
    public SignalResult Compute(ActivityLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var values = new double[log.AccountCount];
        var scores = new double[log.AccountCount];
        var times = log.TimesMs;
        for (var a = 0; a < log.AccountCount; a++)
        {
            var best = 0;
            var lo = log.ActorStart[a];
            for (var hi = lo; hi < log.ActorStart[a + 1]; hi++)
            {
                if (times[hi] == ActivityLog.Untimed)
                {
                    lo = hi + 1;
                    continue;
                }
                while (times[hi] - times[lo] >= WindowMs)
                {
                    lo++;
                }
                best = Math.Max(best, hi - lo + 1);
            }
            values[a] = best;
            scores[a] = SignalResult.Ramp(best, HumanLimit, CertainLimit);
        }
        return new SignalResult(Name, values, scores);
    }
}
