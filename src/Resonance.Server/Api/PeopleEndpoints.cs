using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Resonance.Application.Insights;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Server.Hosting;

namespace Resonance.Server.Api;

/// <summary>People who consented to be seen, and the anonymous counts of everyone else.</summary>
internal static class PeopleEndpoints
{
    public static void MapPeopleEndpoints(this RouteGroupBuilder api)
    {
        var people = api.MapGroup("/people").WithTags("People");

        people.MapGet("", async Task<Results<Ok<Paged<PersonResponse>>, ValidationProblem>> (ClaimsPrincipal user, IMemberStore members,
            IScoreStore scores, CancellationToken ct, int page = 1, int pageSize = 20) =>
        {
            if (ApiEndpoints.PagingProblem(page, pageSize) is { } problem)
            {
                return TypedResults.ValidationProblem(problem);
            }
            return TypedResults.Ok(ApiEndpoints.Page(await VisiblePeopleAsync(Viewers.From(user), members, scores, ct), page, pageSize));
        }).RequireAuthorization().WithSummary("Members who chose to be visible to signed-in users, with their latest score.");

        people.MapGet("/{network}/{account}", async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> (string network, string account,
            ClaimsPrincipal user, ProfileService profiles, InsightService insights, ProfileCache cache, CommunityCache communities, CancellationToken ct) =>
        {
            var viewer = Viewers.From(user);
            if (await cache.FindVisibleAsync(network, account, viewer, ct) is not { } found)
            {
                return NotVisible();
            }
            var profile = await cache.GetAsync(profiles, found.Account, found.Consent, viewer, ct);
            return TypedResults.Ok(ApiMapping.Profile(profile, await cache.InsightAsync(insights, profile, ct), await communities.PlacementAsync(profile, viewer, ct)));
        }).WithSummary("A member's profile, when they chose to be visible to you. Anyone else is not found, whether or not the account exists.");

        api.MapGet("/stats", async Task<Results<Ok<Paged<AnonymousGroup>>, ValidationProblem>> (Application.Importing.IResonanceStore store, CancellationToken ct,
            int page = 1, int pageSize = 20) =>
        {
            var stats = await store.GetStatsAsync(0, ct);
            return ApiEndpoints.PageOrProblem<AnonymousGroup>([.. stats.ByNetwork.Select(n => new AnonymousGroup(n.Network, (int)n.Accounts, 0))], page, pageSize);
        }).WithTags("People").WithSummary("How many accounts each network has: counts only, never names.");
    }

    /// <summary>The same 404 for "no such account", "not claimed" and "private".</summary>
    internal static ProblemHttpResult NotVisible() => TypedResults.Problem(
        "There is no profile here that you may see. People are shown only when they claim their account and choose to be seen.",
        title: "Not found", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Consenting members the viewer may see, best score first, with their latest score.</summary>
    internal static async Task<IReadOnlyList<PersonResponse>> VisiblePeopleAsync(Viewer viewer, IMemberStore members, IScoreStore scores, CancellationToken ct)
    {
        var consents = (await members.ConsentingAsync(Visibility.SignedIn, ct)).Where(viewer.MaySee).ToList();
        var result = (await new MemberScores(scores).LatestAsync(consents, ct))
            .Select(x => new PersonResponse(x.Member.Account.Label, x.Member.Name, x.Member.Score, x.Member.Low, x.Member.High,
                Visibilities.Name(x.Consent.Visibility)));
        return [.. result.OrderByDescending(p => p.Score ?? 0).ThenBy(p => p.Account, StringComparer.Ordinal)];
    }
}
