namespace Resonance.Application.Integrity.Signals;

/// <summary>Engagement with no selectivity: the share of all accounts that posted in the window that an account engaged with.</summary>
/// <remarks>
/// <para>People engage with the few accounts they read. An account that likes and replies across a large share of
/// everyone who posted is not reading: it engages with whatever a feed or a search puts in front of it. Value:
/// <c>|distinct authors a engaged (any kind but follow)| / |authors of original posts in the window, a excluded|</c>.
/// Accounts with fewer than <see cref="MinEngagements"/> engagements score 0 (too little to judge). Score:
/// <see cref="SignalResult.Ramp"/> from <see cref="HumanShare"/> to <see cref="CertainShare"/>.</para>
/// <para>Complexity: O(m + p) with one reusable marker array. Determinism: integer counts; single pass, no threads.</para>
/// <para>Reference: "engages with everything" as in Cresci et al., "The paradigm-shift of social spambots", WWW 2017
/// companion (indiscriminate retweeting and liking); feed coverage is our own simplification, documented in docs/integrity.md.</para>
/// </remarks>
public sealed class SelectivitySignal : IBehaviourSignal
{
    /// <summary>Engagements below which the signal is not measured.</summary>
    public const int MinEngagements = 20;

    /// <summary>Coverage a very active person can reach; scores 0 at or below.</summary>
    public const double HumanShare = 0.05;

    /// <summary>Coverage that scores 1.</summary>
    public const double CertainShare = 0.20;

    /// <inheritdoc/>
    public string Name => "no-selectivity";

    /// <inheritdoc/>
    public string Description => "share of all posting accounts it engaged with";

    /// <inheritdoc/>
    public SignalResult Compute(ActivityLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var n = log.AccountCount;
        var isAuthor = new bool[n];
        for (var p = 0; p < log.PostAuthors.Length; p++)
        {
            if (log.PostIsOriginal[p])
            {
                isAuthor[log.PostAuthors[p]] = true;
            }
        }
        var authors = isAuthor.Count(x => x);
        var values = new double[n];
        var scores = new double[n];
        var seen = new int[n];
        Array.Fill(seen, -1);
        for (var a = 0; a < n; a++)
        {
            int engagements = 0, distinct = 0;
            for (var i = log.ActorStart[a]; i < log.ActorStart[a + 1]; i++)
            {
                if (!ActivityLog.IsEngagement(log.Kinds[i]))
                {
                    continue;
                }
                engagements++;
                var t = log.Targets[i];
                if (seen[t] != a)
                {
                    seen[t] = a;
                    distinct++;
                }
            }
            var pool = authors - (isAuthor[a] ? 1 : 0);
            if (engagements < MinEngagements || pool <= 0)
            {
                continue;
            }
            values[a] = Math.Min(1, distinct / (double)pool);
            scores[a] = SignalResult.Ramp(values[a], HumanShare, CertainShare);
        }
        return new SignalResult(Name, values, scores);
    }
}
