namespace Resonance.Application.Scoring;

/// <summary>Turns a computation into the rows a run stores: scores by rank and every engager's contribution.</summary>
public static class RunDrafts
{
    /// <summary>Ranks engaged accounts by raw score (descending, ties by account id) and lists their contributions.</summary>
    public static ScoreRunDraft Create(ScoreRunInfo info, ScoreComputation c)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(c);
        var g = c.Graph;
        var nodes = Enumerable.Range(0, g.NodeCount).Where(v => c.Engaged[v]).ToArray();
        Array.Sort(nodes, (a, b) =>
        {
            var r = c.Raw[b].CompareTo(c.Raw[a]);
            return r != 0 ? r : g.AccountIds[a].CompareTo(g.AccountIds[b]);
        });
        var scores = new AccountScore[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            var v = nodes[i];
            scores[i] = new AccountScore(g.AccountIds[v], i + 1, c.Score[v], c.ScoreLow[v], c.ScoreHigh[v], c.Raw[v], c.BaseTerms[v],
                c.Reach[v], c.Amplification[v], c.Impact[v]);
        }

        var contributions = new List<ScoreContribution>(g.PairCount);
        for (var e = 0; e < g.PairCount; e++)
        {
            if (c.Engaged[g.Targets[e]])
            {
                contributions.Add(new ScoreContribution(g.AccountIds[g.Targets[e]], g.AccountIds[g.Sources[e]],
                    c.ReachContribution[e], c.AmplificationContribution[e], c.ImpactContribution[e]));
            }
        }

        return new ScoreRunDraft(info, scores, contributions);
    }
}
