using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>topic-share@1's per-engager topic contributions for one account, derived on read from the run's stored main
/// contributions and the account's own slice of the window, exactly as <see cref="TopicShareScoring"/> computed them in the run.</summary>
/// <remarks>
/// <para>Method (<see cref="TopicShareScoring"/>; TwitterRank, Weng et al. WSDM 2010): u's contribution to v on topic T is
/// f_T(u,v)·c(u,v), with c(u,v) the run's stored main contribution (reach, amplification and network-impact parts) and
/// f_T(u,v) the share of the pair's engagement count (Σ decay over its interactions in the window, follows and mentions
/// included, undone follows left out) that went to v's posts about T or a descendant. Both the pair's engagement count
/// and its decays on T are recomputed from the pair's own rows with the decay of v's tempo rung, in the same order as the
/// run (<see cref="EngagementGraph.Build"/> sorts a pair's rows; the topic decays are sorted before summing), so on the
/// same data every line is the run's bit for bit and the lines to v add up to v's stored topic raw score.</para>
/// <para>Complexity: O(k log k) for the k interactions that the account made or received in the window. Deterministic for
/// any order of the slice.</para>
/// </remarks>
public static class TopicShareOnRead
{
    /// <summary>The contributions on <paramref name="topic"/> to <paramref name="accountId"/> (by its engagers) and from it
    /// (to the accounts it engaged), from <paramref name="main"/>, the run's stored main contributions to and from it.</summary>
    /// <param name="p">The run's parameters (fitted values and tempo rungs included).</param>
    /// <param name="slice">The interactions in the run's window that the account made or received (every kind), with the
    /// posts they name (<see cref="ITopicStore.LoadAccountTopicCorpusAsync"/>).</param>
    /// <param name="index">The slice's post topics.</param>
    /// <param name="accountId">The account explained.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="main">The run's main contributions with <paramref name="accountId"/> as account or as engager.</param>
    public static IReadOnlyList<ScoreContribution> Contributions(ScoringParameters p, TopicCorpus slice, PostTopicIndex index, long accountId, string topic,
        IReadOnlyList<ScoreContribution> main)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(main);
        var input = slice.Input;
        var rows = Enumerable.Range(0, input.InteractionCount).Where(i => input.ActorIds[i] == accountId || input.TargetIds[i] == accountId).ToArray();
        // Each engaged account's pairs are built with the decay of its tempo rung, as in the run.
        var decays = new Dictionary<long, ScoringParameters>();
        ScoringParameters DecayOf(long target)
        {
            if (!decays.TryGetValue(target, out var at))
            {
                decays[target] = at = TopicShareScoring.DecayOf(p, target);
            }
            return at;
        }

        var counts = new Dictionary<(long Engager, long Engaged), double>();
        foreach (var group in rows.GroupBy(i => DecayOf(input.TargetIds[i]).RecentHalfLifeDays))
        {
            var at = DecayOf(input.TargetIds[group.First()]);
            var g = EngagementGraph.Build(TopicScoring.Subset(input, [.. group], []), at);
            for (var e = 0; e < g.PairCount; e++)
            {
                counts[(g.AccountIds[g.Sources[e]], g.AccountIds[g.Targets[e]])] = g.EngagementCounts[e];
            }
        }

        var onTopic = new Dictionary<(long Engager, long Engaged), List<double>>();
        foreach (var i in rows)
        {
            var time = input.TimesMs[i];
            var inWindow = time == ScoringInput.Untimed || (time >= p.WindowStartMs && time <= p.AsOfMs);
            if (!inWindow || input.ActorIds[i] == input.TargetIds[i] || !(input.Weights[i] > 0) || !index.IsAbout(slice.InteractionPostIds[i], topic))
            {
                continue;
            }

            var key = (input.ActorIds[i], input.TargetIds[i]);
            if (!onTopic.TryGetValue(key, out var list))
            {
                onTopic[key] = list = [];
            }
            list.Add(time == ScoringInput.Untimed ? 1.0 : DecayOf(input.TargetIds[i]).Decay(p.AsOfMs - time));
        }

        var result = new List<ScoreContribution>();
        foreach (var c in main.Where(c => c.AccountId == accountId || c.EngagerId == accountId).DistinctBy(c => (c.EngagerId, c.AccountId)))
        {
            if (onTopic.TryGetValue((c.EngagerId, c.AccountId), out var list) && counts.TryGetValue((c.EngagerId, c.AccountId), out var count))
            {
                var share = TopicShareScoring.Share(list.ToArray(), count);
                result.Add(new ScoreContribution(c.AccountId, c.EngagerId, share * c.Reach, share * c.Amplification, share * c.Impact));
            }
        }

        return [.. result.OrderBy(c => c.AccountId).ThenBy(c => c.EngagerId)];
    }
}
