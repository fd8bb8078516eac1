namespace Resonance.Application.Integrity.Signals;

/// <summary>Reciprocity rings (engagement pods): how much of an account's engagement goes to partners who engage back
/// and who also all engage each other.</summary>
/// <remarks>
/// <para>Partners of a: accounts a engages (any kind but follow) that engage a too. With r the share of a's engagements
/// that go to partners and d the density of engagement among its top <see cref="MaxPartners"/> partners (by engagements
/// from a, ties to the lower index; ordered pairs p → q over |P|(|P| − 1)), the value is <c>r · d</c>. A pod member
/// spends most of its engagement inside a group where everyone engages everyone (r and d near 1); a person with friends
/// who reply has a few mutual partners who mostly do not engage each other. Needs at least <see cref="MinPartners"/>
/// partners and <see cref="MinEngagements"/> engagements, else 0. Score: <see cref="SignalResult.Ramp"/> from
/// <see cref="HumanValue"/> to <see cref="CertainValue"/>.</para>
/// <para>Complexity: O(m + n·K²) with K = <see cref="MaxPartners"/>, expected O(1) pair look-ups. Determinism: partner
/// lists are sorted; the pair index is only queried; no threads.</para>
/// <para>Reference: local clustering, Watts and Strogatz, "Collective dynamics of 'small-world' networks", Nature 393,
/// 1998; lockstep groups, Beutel et al., "CopyCatch: stopping group attacks by spotting lockstep behavior in social
/// networks", WWW 2013. The r·d product is our own, documented in docs/integrity.md.</para>
/// </remarks>
public sealed class PodSignal : IBehaviourSignal
{
    /// <summary>Partners below which the signal is not measured.</summary>
    public const int MinPartners = 8;

    /// <summary>Engagements below which the signal is not measured.</summary>
    public const int MinEngagements = 10;

    /// <summary>Partners whose mutual density is measured.</summary>
    public const int MaxPartners = 30;

    /// <summary>r·d a close group of friends reaches; scores 0 at or below.</summary>
    public const double HumanValue = 0.20;

    /// <summary>r·d that scores 1.</summary>
    public const double CertainValue = 0.60;

    /// <inheritdoc/>
    public string Name => "pod";

    /// <inheritdoc/>
    public string Description => "share of engagement inside a group that all engage each other (reciprocity × density)";

    /// <inheritdoc/>
    public SignalResult Compute(ActivityLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var n = log.AccountCount;
        var pairs = new PairIndex(n);
        for (var i = 0; i < log.InteractionCount; i++)
        {
            if (ActivityLog.IsEngagement(log.Kinds[i]))
            {
                pairs.Add(log.Actors[i], log.Targets[i], 0);
            }
        }
        var values = new double[n];
        var scores = new double[n];
        var counts = new Dictionary<int, int>();
        var partners = new List<(int Count, int Target)>();
        for (var a = 0; a < n; a++)
        {
            counts.Clear();
            var total = 0;
            for (var i = log.ActorStart[a]; i < log.ActorStart[a + 1]; i++)
            {
                if (ActivityLog.IsEngagement(log.Kinds[i]))
                {
                    total++;
                    counts[log.Targets[i]] = counts.GetValueOrDefault(log.Targets[i]) + 1;
                }
            }
            partners.Clear();
            var inside = 0;
            foreach (var (t, c) in counts)
            {
                if (pairs.Contains(t, a))
                {
                    partners.Add((-c, t));
                    inside += c;
                }
            }
            if (partners.Count < MinPartners || total < MinEngagements)
            {
                continue;
            }
            partners.Sort();
            var k = Math.Min(MaxPartners, partners.Count);
            var links = 0;
            for (var x = 0; x < k; x++)
            {
                for (var y = 0; y < k; y++)
                {
                    if (x != y && pairs.Contains(partners[x].Target, partners[y].Target))
                    {
                        links++;
                    }
                }
            }
            var density = links / (double)(k * (k - 1));
            values[a] = inside / (double)total * density;
            scores[a] = SignalResult.Ramp(values[a], HumanValue, CertainValue);
        }
        return new SignalResult(Name, values, scores);
    }
}
