using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Resonance.Application.Members;
using Resonance.Storage.Members;

namespace Resonance.Server.Hosting;

/// <summary>Authenticates API calls that carry <c>Authorization: Bearer rsn_…</c>: the token acts for its owner with
/// the owner's roles, limited to the token's scopes (claims of type <see cref="ScopeClaim"/>).</summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IMarketingStore tokens, UserManager<MemberUser> users)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiToken";

    /// <summary>The claim type that carries a granted scope.</summary>
    public const string ScopeClaim = "scope";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }
        var grant = await tokens.ValidateTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted).ConfigureAwait(false);
        var user = grant is null ? null : await users.FindByIdAsync(grant.UserId).ConfigureAwait(false);
        if (grant is null || user is null)
        {
            return AuthenticateResult.Fail("unknown or revoked API token");
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.UserName ?? "") };
        claims.AddRange((await users.GetRolesAsync(user).ConfigureAwait(false)).Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(grant.Scopes.Select(s => new Claim(ScopeClaim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
