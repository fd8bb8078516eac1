using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Resonance.Application.Members;
using Resonance.Server.Hosting;

namespace Resonance.Server.Api;

/// <summary>API tokens: created and revoked from a browser session only (a token cannot mint tokens).</summary>
internal static class TokenEndpoints
{
    public static void MapTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/me/tokens").RequireAuthorization().WithTags("Me");

        tokens.MapGet("", async Task<Ok<IReadOnlyList<ApiTokenInfo>>> (ClaimsPrincipal user, IMarketingStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.TokensOfAsync(Viewers.From(user).UserId!, ct)))
            .WithSummary("Your API tokens (never their secrets).");

        tokens.MapPost("", async Task<Results<Created<NewApiToken>, ValidationProblem>> (TokenRequest request, ClaimsPrincipal user, IMarketingStore store, CancellationToken ct) =>
        {
            try
            {
                var token = await store.CreateTokenAsync(Viewers.From(user).UserId!, request.Name ?? "", request.Scopes ?? [], ct);
                return TypedResults.Created($"/api/v1/me/tokens/{token.Token.Id}", token);
            }
            catch (ArgumentException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [e.ParamName ?? "token"] = [e.Message] });
            }
        }).WithSummary("Creates a token with scopes (me:read, discover:read, invitations:write). The secret is shown once.");

        tokens.MapDelete("/{id:long}", async Task<Results<NoContent, NotFound>> (long id, ClaimsPrincipal user, IMarketingStore store, CancellationToken ct) =>
            await store.RevokeTokenAsync(Viewers.From(user).UserId!, id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Revokes a token.");
    }
}

/// <summary>A token to create.</summary>
public sealed record TokenRequest(string? Name, IReadOnlyList<string>? Scopes);
