using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Resonance.Application.Members;

namespace Resonance.Server.Hosting;

/// <summary>Authorization policies of the API. A signed-in browser (cookie) has the member's full rights; an API token
/// has them only within its scopes.</summary>
public static class ApiPolicies
{
    /// <summary>Read one's own data: cookie, or a token with <see cref="ApiScopes.MeRead"/>.</summary>
    public const string MeRead = "me-read";

    /// <summary>Search discoverable members: marketers, by cookie or a token with <see cref="ApiScopes.DiscoverRead"/>.</summary>
    public const string Discover = "discover";

    /// <summary>Send invitations: marketers, by cookie or a token with <see cref="ApiScopes.InvitationsWrite"/>.</summary>
    public const string Invite = "invite";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(MeRead, p => Scoped(p, ApiScopes.MeRead));
        options.AddPolicy(Discover, p => Scoped(p, ApiScopes.DiscoverRead).RequireRole(Roles.Marketer));
        options.AddPolicy(Invite, p => Scoped(p, ApiScopes.InvitationsWrite).RequireRole(Roles.Marketer));
    }

    private static AuthorizationPolicyBuilder Scoped(AuthorizationPolicyBuilder policy, string scope) => policy
        .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, ApiTokenAuthentication.SchemeName)
        .RequireAuthenticatedUser()
        .RequireAssertion(c => c.User.Identity?.AuthenticationType != ApiTokenAuthentication.SchemeName
            || c.User.HasClaim(ApiTokenAuthentication.ScopeClaim, scope));
}
