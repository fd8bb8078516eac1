using Resonance.Application.Scoring;

namespace Resonance.Server.Components.Shared;

/// <summary>Links to people's profile pages.</summary>
public static class PersonLinks
{
    /// <summary><c>/people/{network}/{external id}</c>, escaped.</summary>
    public static string Href(AccountRef account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return $"/people/{Uri.EscapeDataString(account.Network)}/{Uri.EscapeDataString(account.ExternalId)}";
    }
}
