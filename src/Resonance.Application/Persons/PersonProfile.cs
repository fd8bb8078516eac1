using Resonance.Application.Scoring;

namespace Resonance.Application.Persons;

/// <summary>A person's linked accounts, each network's standing in its latest run, and the combined score.</summary>
/// <param name="Person">The member.</param>
/// <param name="AsOf">The run the profile is as of (each network's latest run up to it), or null for the latest of all.</param>
/// <param name="Networks">Every network the person has linked accounts on, by name.</param>
/// <param name="Combined">The combined score, or null when no linked account is scored.</param>
/// <param name="Names">Names of the linked accounts and of every engager mentioned.</param>
/// <param name="MemberNames">User names of the members who engaged the person, by user id.</param>
public sealed record PersonProfile(PersonRef Person, ScoreRunInfo? AsOf, IReadOnlyList<NetworkStanding> Networks, CombinedScore? Combined,
    IReadOnlyDictionary<long, AccountRef> Names, IReadOnlyDictionary<string, string> MemberNames)
{
    /// <summary>The combined score's part for <paramref name="network"/>, or null when that network is not scored.</summary>
    public NetworkPart? PartOf(string network) => Combined?.Networks.FirstOrDefault(p => p.Network == network);

    /// <summary>A member's user name, or their id when unknown.</summary>
    public string MemberName(string userId) => MemberNames.GetValueOrDefault(userId, userId);
}

/// <summary>A person's accounts on one network and the run that scores them.</summary>
/// <param name="Network">The network.</param>
/// <param name="Run">The latest run of this network alone (<c>resonance score --network</c>), or null when there is none.</param>
/// <param name="Accounts">The linked accounts on it, by label.</param>
public sealed record NetworkStanding(string Network, ScoreRunInfo? Run, IReadOnlyList<LinkedAccountScore> Accounts)
{
    /// <summary>Whether any of the accounts has a score in the run.</summary>
    public bool Scored => Accounts.Any(a => a.Score is not null);
}

/// <summary>One linked account in its network's run.</summary>
/// <param name="Account">The account.</param>
/// <param name="Score">Its score, or null when unscored there (nobody engaged with it in the window, or no run).</param>
/// <param name="Contributions">Every engager's contribution to it, largest first.</param>
public sealed record LinkedAccountScore(AccountRef Account, AccountScore? Score, IReadOnlyList<ScoreContribution> Contributions);
