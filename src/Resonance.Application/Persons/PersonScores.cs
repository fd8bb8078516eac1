using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Persons;

/// <summary>Builds <see cref="PersonProfile"/>s from the stored runs: each network's latest run of that network alone,
/// then the combination (<see cref="PersonCombiner"/>).</summary>
public sealed class PersonScores(IMemberStore members, IScoreStore scores, PersonLinks links)
{
    /// <summary>The profile of <paramref name="person"/> as of run <paramref name="asOfRun"/> (each network's latest
    /// run with an id up to it), or as of the latest runs when null.</summary>
    public async Task<PersonProfile> ProfileAsync(PersonRef person, long? asOfRun = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(person);
        var asOf = asOfRun is { } id
            ? await scores.GetRunAsync(id, ct).ConfigureAwait(false) ?? throw new ArgumentException($"no run {id}; see `resonance runs`.")
            : null;
        var runs = await scores.ListRunsAsync(ct).ConfigureAwait(false);
        var accounts = await links.AccountsOfAsync(person, ct).ConfigureAwait(false);
        var networks = new List<NetworkStanding>();
        foreach (var group in accounts.GroupBy(a => a.Network, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var run = LatestRunOf(runs, group.Key, asOf?.Id);
            var linked = new List<LinkedAccountScore>();
            foreach (var account in group)
            {
                var score = run is null ? null : await scores.GetScoreAsync(run.Id, account.Id, ct).ConfigureAwait(false);
                var contributions = score is null ? [] : await scores.ContributionsToAsync(run!.Id, account.Id, ct).ConfigureAwait(false);
                linked.Add(new LinkedAccountScore(account, score, contributions));
            }

            networks.Add(new NetworkStanding(group.Key, run, linked));
        }

        var engagers = networks.SelectMany(n => n.Accounts).SelectMany(a => a.Contributions).Select(c => c.EngagerId).Distinct().ToList();
        var consents = await members.ConsentsAsync(engagers, ct).ConfigureAwait(false);
        var names = await scores.DescribeAccountsAsync([.. engagers.Concat(accounts.Select(a => a.Id))], ct).ConfigureAwait(false);
        var evidence = networks.Where(n => n.Scored).Select(n => Evidence(n, consents)).ToList();
        var memberNames = consents.Values.GroupBy(c => c.UserId).ToDictionary(g => g.Key, g => g.First().UserName, StringComparer.Ordinal);
        return new PersonProfile(person, asOf, networks, PersonCombiner.Combine(evidence), names, memberNames);
    }

    /// <summary>The latest run that scored <paramref name="network"/> alone, with an id up to <paramref name="upTo"/>
    /// when given. Runs over all networks rank accounts against a mixed population, so they are not used.</summary>
    public static ScoreRunInfo? LatestRunOf(IReadOnlyList<ScoreRunInfo> runs, string network, long? upTo)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.Where(r => r.Parameters.Network == network && (upTo is null || r.Id <= upTo)).MaxBy(r => r.Id);
    }

    private static NetworkEvidence Evidence(NetworkStanding network, IReadOnlyDictionary<long, Consent> consents)
    {
        var run = network.Run!;
        return new NetworkEvidence(network.Network, [.. network.Accounts.Where(a => a.Score is not null).Select(a =>
        {
            var s = a.Score!;
            var byMember = a.Contributions.Where(c => consents.ContainsKey(c.EngagerId))
                .GroupBy(c => consents[c.EngagerId].UserId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(c => c.Total), StringComparer.Ordinal);
            var calibration = new QuantileCalibration(run.CalibrationFor(a.Account.Id));
            return new AccountEvidence(a.Account.Id, s.Score, s.Low, s.High, s.Raw, raw => raw > 0 ? calibration.Score(raw) : 1, byMember);
        })]);
    }
}
