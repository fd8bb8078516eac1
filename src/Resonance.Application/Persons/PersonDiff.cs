using Resonance.Application.Scoring;

namespace Resonance.Application.Persons;

/// <summary>Why a person's combined score changed between two points in time, network by network.</summary>
/// <param name="Before">The profile as of the earlier run (each network's latest run up to it).</param>
/// <param name="After">The profile as of the later run.</param>
/// <param name="Networks">Per network, by name.</param>
public sealed record PersonDiff(PersonProfile Before, PersonProfile After, IReadOnlyList<NetworkChange> Networks)
{
    /// <summary>The combined change in points (an unscored side counts as 0, so the networks' changes add up to it).</summary>
    public double Total => (After.Combined?.Score ?? 0) - (Before.Combined?.Score ?? 0);
}

/// <summary>How one network's part in a person's combined score changed.</summary>
/// <param name="Network">The network.</param>
/// <param name="RunBefore">The network's run on the earlier side, or null.</param>
/// <param name="RunAfter">The network's run on the later side, or null.</param>
/// <param name="Before">Its part before, or null when not scored then.</param>
/// <param name="After">Its part after, or null when not scored then.</param>
/// <param name="Accounts">The per-account diffs between the two runs (empty when the run is the same or one is missing).</param>
/// <param name="Note">Why an account could not be diffed, when one could not.</param>
public sealed record NetworkChange(string Network, ScoreRunInfo? RunBefore, ScoreRunInfo? RunAfter, NetworkPart? Before, NetworkPart? After,
    IReadOnlyList<ScoreDiff> Accounts, string? Note)
{
    /// <summary>Change of its contribution to the combined score, in points.</summary>
    public double ContributionChange => (After?.Contribution ?? 0) - (Before?.Contribution ?? 0);
}

/// <summary>Builds <see cref="PersonDiff"/>s: the person's profile as of each run, and <see cref="DiffService"/> per
/// account where a network's run changed.</summary>
public sealed class PersonDiffs(IScoreStore store, PersonScores persons)
{
    /// <summary>Diffs <paramref name="person"/> as of run <paramref name="fromRun"/> and as of run <paramref name="toRun"/>.
    /// Both sides use the person's current links.</summary>
    public async Task<PersonDiff> DiffAsync(PersonRef person, long fromRun, long toRun, CancellationToken ct = default)
    {
        var before = await persons.ProfileAsync(person, fromRun, ct).ConfigureAwait(false);
        var after = await persons.ProfileAsync(person, toRun, ct).ConfigureAwait(false);
        var changes = new List<NetworkChange>();
        foreach (var standing in after.Networks)
        {
            var earlier = before.Networks.Single(n => n.Network == standing.Network);
            var diffs = new List<ScoreDiff>();
            string? note = null;
            if (earlier.Run is { } rb && standing.Run is { } ra && rb.Id != ra.Id)
            {
                foreach (var account in standing.Accounts)
                {
                    try
                    {
                        diffs.Add(await new DiffService(store).DiffAsync(account.Account, rb.Id, ra.Id, ct).ConfigureAwait(false));
                    }
                    catch (InvalidOperationException e)
                    {
                        note = $"{account.Account.Label}: {e.Message}";
                    }
                }
            }

            changes.Add(new NetworkChange(standing.Network, earlier.Run, standing.Run, before.PartOf(standing.Network), after.PartOf(standing.Network), diffs, note));
        }

        return new PersonDiff(before, after, changes);
    }
}
