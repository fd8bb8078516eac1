using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>An account's topic score explained: the same decomposition as the main score's, plus the posts behind it.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Draft">The topic's ranked scores and contributions.</param>
/// <param name="Evidence">The account's posts, engagement and matched terms on the topic; null when it has no posts about it.</param>
public sealed record TopicExplanation(string Topic, ScoreRunDraft Draft, AccountTopic? Evidence)
{
    /// <summary>Every account the explanation of <paramref name="accountId"/> names (engagers, influencers, itself).</summary>
    public IReadOnlyList<long> AccountIds(long accountId, int influencers) =>
        [.. To(accountId).Select(c => c.EngagerId).Concat(From(accountId, influencers).Select(c => c.AccountId)).Append(accountId).Distinct()];

    /// <summary>The main-score style explanation of <paramref name="account"/> on the topic, in <paramref name="run"/>'s window.</summary>
    public Explanation Explain(ScoreRunInfo run, AccountRef account, IReadOnlyDictionary<long, AccountRef> names, int influencers)
    {
        ArgumentNullException.ThrowIfNull(account);
        var score = Draft.Scores.FirstOrDefault(s => s.AccountId == account.Id);
        return new Explanation(run, account, score, Draft.Scores.Count, score is null ? [] : To(account.Id), From(account.Id, influencers), names);
    }

    private List<ScoreContribution> To(long id) =>
        [.. Draft.Contributions.Where(c => c.AccountId == id).OrderByDescending(c => c.Total).ThenBy(c => c.EngagerId)];

    private List<ScoreContribution> From(long id, int count) =>
        [.. Draft.Contributions.Where(c => c.EngagerId == id).OrderByDescending(c => c.Total).ThenBy(c => c.AccountId).Take(count)];
}
