using Resonance.Application.Scoring;

namespace Resonance.Application.Members;

/// <summary>Consenting members' accounts with their score in the latest run covering each account's network, the one
/// lookup that people lists and discovery share.</summary>
public sealed class MemberScores(IScoreStore scores)
{
    /// <summary>Each consent whose account still exists, with that account and its latest score (null when unscored).</summary>
    public async Task<IReadOnlyList<(Consent Consent, DiscoveredMember Member)>> LatestAsync(IReadOnlyList<Consent> consents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(consents);
        var names = await scores.DescribeAccountsAsync([.. consents.Select(c => c.AccountId)], ct).ConfigureAwait(false);
        var runs = await scores.ListRunsAsync(ct).ConfigureAwait(false);
        var result = new List<(Consent, DiscoveredMember)>();
        foreach (var consent in consents)
        {
            if (!names.TryGetValue(consent.AccountId, out var account))
            {
                continue;
            }
            var run = runs.LastOrDefault(r => r.Covers(account.Network));
            var score = run is null ? null : await scores.GetScoreAsync(run.Id, account.Id, ct).ConfigureAwait(false);
            result.Add((consent, new DiscoveredMember(consent.UserName, account, score?.Score, score?.Low, score?.High, score is null ? null : run!.Id)));
        }
        return result;
    }
}
