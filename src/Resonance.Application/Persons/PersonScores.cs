using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Persons;

/// <summary>Builds <see cref="PersonProfile"/>s from the stored runs: each network's latest run of that network alone,
/// then the combination (<see cref="PersonCombiner"/>).</summary>
/// <remarks>Under resonance@7 (leave-one-out calibration) the person's accounts on a network enter the combination as
/// the run would score them had none of the person's accounts there made any outgoing interaction in the window
/// (<see cref="LeaveOneOutEvidenceAsync"/>), so the person's own activity never changes the combined score.</remarks>
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
        var evidence = new List<NetworkEvidence>();
        var duplicates = networks.Where(n => n.Scored).SelectMany(n => MembersOf(n, consents)).GroupBy(m => m, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var network in networks.Where(n => n.Scored))
        {
            var e = network.Run!.Parameters.Calibration is null || !NeedsRescoring(network, consents, duplicates)
                ? Evidence(network, consents)
                : await LeaveOneOutEvidenceAsync(scores, person, network, consents, ct).ConfigureAwait(false);
            if (e.Accounts.Count > 0)
            {
                evidence.Add(e);
            }
        }

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
            var calibration = new QuantileCalibration(run.CalibrationFor(a.Account.Id));
            return new AccountEvidence(a.Account.Id, s.Score, s.Low, s.High, s.Raw, raw => raw > 0 ? calibration.Score(raw) : 1, ByMember(a.Contributions, consents));
        })]);
    }

    /// <summary>Per member whose linked accounts engaged: the sum of their contributions.</summary>
    private static Dictionary<string, double> ByMember(IEnumerable<ScoreContribution> contributions, IReadOnlyDictionary<long, Consent> consents) =>
        contributions.Where(c => consents.ContainsKey(c.EngagerId))
            .GroupBy(c => consents[c.EngagerId].UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Total), StringComparer.Ordinal);

    /// <summary>The members (user ids) whose linked accounts engaged the person on <paramref name="network"/>, once each.</summary>
    private static IEnumerable<string> MembersOf(NetworkStanding network, IReadOnlyDictionary<long, Consent> consents) =>
        network.Accounts.SelectMany(a => a.Contributions).Where(c => c.Total > 0 && consents.ContainsKey(c.EngagerId))
            .Select(c => consents[c.EngagerId].UserId).Distinct(StringComparer.Ordinal);

    /// <summary>Whether a resonance@7 network's stored scores are not already what <see cref="LeaveOneOutEvidenceAsync"/>
    /// gives: they are when the person has one linked account there (resonance@7's own definition: its score is its plain
    /// score in a run without its outgoing interactions) and no engaging member also engaged them on another network
    /// (<paramref name="duplicates"/>), so no raw value has to be read without someone's contributions. A re-run only
    /// removes pairs, so its duplicates are among the stored ones.</summary>
    private static bool NeedsRescoring(NetworkStanding network, IReadOnlyDictionary<long, Consent> consents, IReadOnlySet<string> duplicates) =>
        network.Accounts.Count > 1
        || network.Accounts.Any(a => a.Contributions.Any(c => consents.TryGetValue(c.EngagerId, out var m) && duplicates.Contains(m.UserId)));

    /// <summary>resonance@7: the person's scored accounts on <paramref name="network"/> as its run scores them on its window
    /// without every outgoing interaction of all the person's linked accounts there (the run's version re-run, unsaved,
    /// after its watermark proves the window unchanged): each account's score, interval, raw score and contributions from
    /// that re-run, and a raw value read through the re-run's calibration at the account's rung, which is the original
    /// run's calibration without the person's actions (F₋A with A the person). None of it depends on anything the person
    /// did on the network, towards others or between their own accounts. An account nobody else engaged is left out.</summary>
    /// <exception cref="InvalidOperationException">The run's window has changed since it was scored.</exception>
    public static async Task<NetworkEvidence> LeaveOneOutEvidenceAsync(IScoreStore store, PersonRef person, NetworkStanding network,
        IReadOnlyDictionary<long, Consent> consents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(consents);
        var own = network.Accounts.Select(a => a.Account.Id).ToHashSet();
        var (_, rerun) = await RunRescoring.RescoreAsync(store, network.Run!, network.Run!.Parameters,
            $"{person.Label}'s score on {network.Network} cannot be computed without their own activity (run {network.Run.Id}: {network.Run.Algorithm})",
            input => input.WithoutActors(own), intervals: true, ct).ConfigureAwait(false);
        var g = rerun.Graph;
        var accounts = new List<AccountEvidence>();
        foreach (var id in own.Order())
        {
            var v = Array.BinarySearch(g.AccountIds, id);
            if (v < 0 || !rerun.Engaged[v])
            {
                continue;
            }

            var contributions = new List<ScoreContribution>();
            for (var e = 0; e < g.PairCount; e++)
            {
                if (g.Targets[e] == v)
                {
                    contributions.Add(new ScoreContribution(id, g.AccountIds[g.Sources[e]], rerun.ReachContribution[e], rerun.AmplificationContribution[e],
                        rerun.ImpactContribution[e]));
                }
            }

            accounts.Add(new AccountEvidence(id, rerun.Score[v], rerun.ScoreLow[v], rerun.ScoreHigh[v], rerun.Raw[v], RunRescoring.Reader(rerun, id),
                ByMember(contributions, consents)));
        }

        return new NetworkEvidence(network.Network, accounts);
    }
}
