using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Application.Topics;
using Resonance.Domain;

namespace Resonance.Application.Tests.Topics;

/// <summary>Where a planted topic expert of a synthetic dataset ranks on its niche, on its broad topic and overall.</summary>
/// <param name="Expert">The expert, from the dataset's truth.</param>
/// <param name="NicheRank">Its rank on its niche (1 = first).</param>
/// <param name="NicheAccounts">Accounts scored on the niche.</param>
/// <param name="TopicRank">Its rank on its broad topic.</param>
/// <param name="TopicAccounts">Accounts scored on the broad topic.</param>
/// <param name="OverallRank">Its rank in the main scoring.</param>
/// <param name="OverallAccounts">Accounts scored overall.</param>
internal sealed record PlantedExpertRank(TopicExpertTruth Expert, int NicheRank, int NicheAccounts, int TopicRank, int TopicAccounts,
    int OverallRank, int OverallAccounts)
{
    /// <summary>The share of the overall ranking an expert must stay out of to rank low overall: the top tenth (200 of
    /// 2,000 accounts, 3,000 of 30,000), where anyone reading a global ranking would find the network's influential accounts.</summary>
    public const double TopShare = 0.10;

    /// <summary>Planted experts on the same niche ranked above it (the generator can put several on one niche: at 30,000
    /// people four share goalkeeping); they are not the organic competition the bar is about.</summary>
    public int OtherExpertsAbove { get; init; }

    /// <summary>Its rank on its niche among the accounts that are not other planted experts on it.</summary>
    public int OrganicNicheRank => NicheRank == int.MaxValue ? int.MaxValue : NicheRank - OtherExpertsAbove;

    /// <summary>Its overall rank as a share of the accounts scored overall (0.01 = the top 1%).</summary>
    public double OverallShare => (double)OverallRank / OverallAccounts;

    /// <summary>The bar (docs/topics.md, "Planted topic experts"): in the top 5 of its niche (among the accounts that are not
    /// other planted experts on it), and low overall: outside the overall top tenth (<see cref="TopShare"/>).</summary>
    public bool MeetsTheBar => OrganicNicheRank <= 5 && OverallShare > TopShare;

    /// <summary>Scores the records with the default algorithm and topic method (topic-share@1), without intervals, and
    /// ranks every planted expert.</summary>
    public static List<PlantedExpertRank> Of(GroundTruth truth, IReadOnlyList<SourceRecord> records, CancellationToken ct)
    {
        var (corpus, ids) = TopicCorpora.FromRecords(records);
        var p = ScoringAlgorithms.Defaults(ScoringAlgorithms.Default, corpus.Input.LatestTimeMs!.Value);
        var main = ScoringPipeline.Score(corpus.Input, p, ct: ct);
        var overall = RunDrafts.Create(ScoringService.Header(main, corpus.Input, DateTimeOffset.UnixEpoch, []), main).Scores
            .ToDictionary(s => s.AccountId, s => s.Rank);
        var index = new PostTopicIndex(corpus.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn));
        var rankings = TopicShareScoring.Score(main, corpus, index, intervals: false, ct: ct).ToDictionary(r => r.Topic, r => r.Scores, StringComparer.Ordinal);
        return CountExpertsAbove([.. truth.TopicExperts.Select(e => For(e, ids[e.AccountId], rankings.GetValueOrDefault(e.Niche) ?? [], rankings.GetValueOrDefault(e.Topic) ?? [], overall))]);
    }

    /// <summary>The same ranks with <see cref="OtherExpertsAbove"/> counted.</summary>
    public static List<PlantedExpertRank> CountExpertsAbove(List<PlantedExpertRank> ranks) =>
        [.. ranks.Select(r => r with { OtherExpertsAbove = ranks.Count(o => o.Expert.Niche == r.Expert.Niche && o.NicheRank < r.NicheRank) })];

    /// <summary>The ranks of <paramref name="expert"/> (account <paramref name="id"/>) in the rankings of its niche and topic
    /// (<see cref="int.MaxValue"/> where it is not scored) and overall.</summary>
    public static PlantedExpertRank For(TopicExpertTruth expert, long id, IReadOnlyList<AccountScore> niche, IReadOnlyList<AccountScore> topic,
        Dictionary<long, int> overall) =>
        new(expert, RankIn(niche, id), niche.Count, RankIn(topic, id), topic.Count, overall[id], overall.Count);

    private static int RankIn(IReadOnlyList<AccountScore> scores, long id) => scores.FirstOrDefault(s => s.AccountId == id)?.Rank ?? int.MaxValue;

    public override string ToString() =>
        $"{Expert.AccountId} on {Expert.Niche} ({Expert.Topic}): {NicheRank} of {NicheAccounts} on the niche{(OtherExpertsAbove > 0 ? $" ({OrganicNicheRank} without {OtherExpertsAbove} other experts)" : "")}; {TopicRank} of {TopicAccounts} on {Expert.Topic}; " +
        $"overall {OverallRank} of {OverallAccounts} (top {100 * OverallShare:F1}%){(MeetsTheBar ? "" : "  MISSES THE BAR")}";
}
