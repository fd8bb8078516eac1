using Resonance.Application.Scoring;
using Resonance.Domain;

namespace Resonance.Application.Integrity.Attacks;

/// <summary>Scores one account of a set of records under raw counting, resonance@1 and resonance@2.</summary>
/// <remarks>Account ids are numbered in ordinal order of their external ids, so the scores do not depend on record order.
/// Scores are computed without the bootstrap (point scores only). Deterministic.</remarks>
internal static class AttackScorer
{
    /// <summary>The account's scores, the resonance@2 model and the index in its log of any account of the records (−1 when
    /// it has no interaction in the window).</summary>
    public static (double Raw, double V1, double V2, InauthenticityModel Model, Func<string, int> LogIndex) Score(IReadOnlyList<Interaction> interactions, IReadOnlyList<Post> posts,
        string account, long asOfMs)
    {
        var (input, sorted) = RecordInput.Build([.. interactions.Select(i => SourceRecord.Of(0, i)), .. posts.Select(p => SourceRecord.Of(0, p))], withTexts: true);
        long Id(string s) => Array.BinarySearch(sorted, s, StringComparer.Ordinal);
        var me = Id(account);
        var v2 = Version(input, 2, me, asOfMs);
        var model = v2.Graph.Integrity!;
        return (RawCount(input, me), Score(Version(input, 1, me, asOfMs), me), Score(v2, me), model,
            id => Math.Max(-1, Array.BinarySearch(model.Log.AccountIds, IntegrityWeights.Id(Id(id)), StringComparer.Ordinal)));
    }

    private static ScoreComputation Version(ScoringInput input, int version, long me, long asOfMs)
    {
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", version), asOfMs);
        return ResonanceScorer.Score(EngagementGraph.Build(input, p), p, intervals: false);
    }

    private static double Score(ScoreComputation c, long me)
    {
        var v = Array.BinarySearch(c.Graph.AccountIds, me);
        return v >= 0 ? c.Score[v] : 1;
    }

    /// <summary>1 + 99 × the share of accounts receiving interactions that received fewer than this one (ties half).</summary>
    private static double RawCount(ScoringInput input, long me)
    {
        var counts = new Dictionary<long, int>();
        for (var i = 0; i < input.InteractionCount; i++)
        {
            if (input.ActorIds[i] != input.TargetIds[i])
            {
                counts[input.TargetIds[i]] = counts.GetValueOrDefault(input.TargetIds[i]) + 1;
            }
        }
        var mine = counts.GetValueOrDefault(me);
        double below = counts.Values.Count(c => c < mine), equal = counts.Values.Count(c => c == mine);
        return 1 + (99 * (below + (equal / 2)) / counts.Count);
    }
}
