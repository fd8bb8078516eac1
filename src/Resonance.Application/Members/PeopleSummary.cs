namespace Resonance.Application.Members;

/// <summary>A list of people as one viewer may see it: the ones who consented, by name, and everyone else as a count
/// per network ("12 accounts on mastodon").</summary>
/// <param name="Named">The people the viewer may see, in the list's order.</param>
/// <param name="AnonymousByNetwork">How many others, by network, largest first.</param>
/// <typeparam name="T">What is listed for each person.</typeparam>
public sealed record PeopleSummary<T>(IReadOnlyList<T> Named, IReadOnlyList<AnonymousGroup> AnonymousByNetwork)
{
    /// <summary>The number of people not named.</summary>
    public int AnonymousCount => AnonymousByNetwork.Sum(g => g.Accounts);
}

/// <summary>Accounts shown only as a count.</summary>
/// <param name="Network">Their network.</param>
/// <param name="Accounts">How many.</param>
/// <param name="Share">What they add up to (score points or raw-score share, as the list says), or 0.</param>
public sealed record AnonymousGroup(string Network, int Accounts, double Share)
{
    /// <summary>"12 accounts on mastodon".</summary>
    public string Label => $"{Accounts:N0} {(Accounts == 1 ? "account" : "accounts")} on {Network}";
}
