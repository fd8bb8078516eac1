using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Resonance.Application.Insights;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Server.Hosting;
using Resonance.Storage.Members;

namespace Resonance.Server.Api;

/// <summary>The signed-in member's own data: claims, profile, score changes, visibility, export and opt-out.</summary>
internal static class MeEndpoints
{
    public static void MapMeEndpoints(this RouteGroupBuilder api)
    {
        // Reads accept a browser session or an API token with me:read; changes need the browser session.
        var me = api.MapGroup("/me").WithTags("Me");

        me.MapGet("", async Task<Ok<MeResponse>> (ClaimsPrincipal user, UserManager<MemberUser> users, ProfileCache cache, CancellationToken ct) =>
        {
            var member = await users.GetUserAsync(user) ?? throw new InvalidOperationException("signed-in user not found");
            var claims = await cache.ClaimsOfAsync(member.Id, ct);
            var roles = await users.GetRolesAsync(member);
            return TypedResults.Ok(new MeResponse(member.UserName ?? "", member.Email, Visibilities.Name(member.Visibility),
                Visibilities.Meaning(member.Visibility), [.. roles.Order(StringComparer.Ordinal)], [.. claims.Select(c => ApiMapping.Claim(c, showCode: true))]));
        }).RequireAuthorization(ApiPolicies.MeRead).WithSummary("The signed-in member, their visibility and their claims.");

        me.MapPost("/claims", async Task<Results<Created<ClaimResponse>, ValidationProblem, ProblemHttpResult>> (ClaimRequest request,
            ClaimsPrincipal user, IScoreStore scores, IMemberStore members, CancellationToken ct) =>
        {
            AccountRef account;
            try
            {
                account = await AccountNames.ResolveAsync(scores, request.Account ?? "", ct);
            }
            catch (ArgumentException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["account"] = [e.Message] });
            }
            try
            {
                var claim = await members.ClaimAsync(Viewers.From(user).UserId!, account, ct);
                return TypedResults.Created($"/api/v1/me/claims/{claim.Id}", ApiMapping.Claim(claim, showCode: true));
            }
            catch (InvalidOperationException e)
            {
                return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
            }
        }).RequireAuthorization().WithSummary("Claims an account (network:id-or-handle). Post the returned code from it; the next import verifies it.");

        me.MapGet("/profile", async Task<Results<Ok<ProfileResponse>, ProblemHttpResult>> (string? account, ClaimsPrincipal user,
            ProfileService profiles, InsightService insights, ProfileCache cache, CommunityCache communities, CancellationToken ct) =>
        {
            var viewer = Viewers.From(user);
            if (await OwnAccountAsync(cache, viewer, account, ct) is not { } own || await cache.ConsentOfAsync(own.Id, ct) is not { } consent)
            {
                return TypedResults.Problem("Claim an account and prove it first, or name one of your verified accounts.", title: "No verified account", statusCode: StatusCodes.Status404NotFound);
            }
            var profile = await cache.GetAsync(profiles, own, consent, viewer, ct);
            return TypedResults.Ok(ApiMapping.Profile(profile, await cache.InsightAsync(insights, profile, ct), await communities.PlacementAsync(profile, viewer, ct)));
        }).RequireAuthorization(ApiPolicies.MeRead).WithSummary("Your influence: score, interval, sub-scores, who responds, whom you respond to, history.");

        me.MapGet("/change", async Task<Results<Ok<ChangeResponse>, ProblemHttpResult, ValidationProblem>> (long from, long to, string? account,
            ClaimsPrincipal user, ProfileCache cache, ProfileService profiles, CancellationToken ct) =>
        {
            var viewer = Viewers.From(user);
            if (await OwnAccountAsync(cache, viewer, account, ct) is not { } own)
            {
                return TypedResults.Problem("Claim an account and prove it first.", title: "No verified account", statusCode: StatusCodes.Status404NotFound);
            }
            try
            {
                return TypedResults.Ok(ApiMapping.Change(await profiles.WhyChangedAsync(own, from, to, viewer, ct)));
            }
            catch (ArgumentException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["from"] = [e.Message] });
            }
        }).RequireAuthorization(ApiPolicies.MeRead).WithSummary("Why your score changed between two runs: engagement, population shift and algorithm, adding up exactly.");

        me.MapGet("/topics/hidden", async Task<Results<Ok<Paged<HiddenTopicResponse>>, ValidationProblem>> (ClaimsPrincipal user, InsightService insights, ProfileCache cache,
            CancellationToken ct, int page = 1, int pageSize = 20) =>
        {
            var hidden = new List<HiddenTopicResponse>();
            foreach (var account in await VerifiedAsync(cache, Viewers.From(user), ct))
            {
                hidden.AddRange((await insights.HiddenAsync(account, ct)).Select(h => new HiddenTopicResponse(account.Label, h.Topic, h.Terms, h.HiddenAt)));
            }
            return ApiEndpoints.PageOrProblem<HiddenTopicResponse>(hidden, page, pageSize);
        }).RequireAuthorization(ApiPolicies.MeRead).WithSummary("Topics you hid from your accounts, with the terms that had matched.");

        me.MapPost("/topics/hidden", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (HideTopicRequest request, ClaimsPrincipal user,
            InsightService insights, ProfileCache cache, CancellationToken ct) =>
        {
            var viewer = Viewers.From(user);
            if (string.IsNullOrWhiteSpace(request.Topic))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["topic"] = ["name the topic to hide, for example cooking."] });
            }
            if (await OwnAccountAsync(cache, viewer, request.Account, ct) is not { } own)
            {
                return TypedResults.Problem("Claim an account and prove it first, or name one of your verified accounts.", title: "No verified account", statusCode: StatusCodes.Status404NotFound);
            }
            try
            {
                await insights.HideAsync(viewer.UserId!, own, request.Topic.Trim().ToLowerInvariant(), ct);
                return TypedResults.NoContent();
            }
            catch (ArgumentException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["topic"] = [e.Message] });
            }
        }).RequireAuthorization().WithSummary("Hides a topic you reject from your account: it is shown nowhere again, and the rejection is kept as feedback for the topic extractor.");

        me.MapDelete("/topics/hidden/{topic}", async Task<Results<NoContent, NotFound, ProblemHttpResult>> (string topic, string? account, ClaimsPrincipal user,
            InsightService insights, ProfileCache cache, CancellationToken ct) =>
        {
            var viewer = Viewers.From(user);
            if (await OwnAccountAsync(cache, viewer, account, ct) is not { } own)
            {
                return TypedResults.Problem("Claim an account and prove it first, or name one of your verified accounts.", title: "No verified account", statusCode: StatusCodes.Status404NotFound);
            }
            return await insights.ShowAsync(viewer.UserId!, own, topic, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
        }).RequireAuthorization().WithSummary("Shows a hidden topic on your account again.");

        me.MapPut("/visibility", async Task<Results<NoContent, ValidationProblem>> (VisibilityRequest request, ClaimsPrincipal user,
            IMemberStore members, CancellationToken ct) =>
        {
            if (!Visibilities.TryParse(request.Visibility, out var visibility))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["visibility"] = ["must be private, signed-in or discoverable."] });
            }
            await members.SetVisibilityAsync(Viewers.From(user).UserId!, visibility, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization().WithSummary("Sets who may see you: private, signed-in or discoverable.");

        me.MapDelete("/networks/{network}", async Task<Ok<int>> (string network, ClaimsPrincipal user, IMemberStore members, CancellationToken ct) =>
            TypedResults.Ok(await members.DisconnectAsync(Viewers.From(user).UserId!, network, ct)))
            .RequireAuthorization().WithSummary("Disconnects one network: your accounts there are anonymous again. Returns how many were disconnected.");

        me.MapGet("/export", async Task<JsonHttpResult<PersonalData>> (ClaimsPrincipal user, IMemberStore members, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.ContentDisposition = "attachment; filename=\"resonance-my-data.json\"";
            return TypedResults.Json(await members.ExportAsync(Viewers.From(user).UserId!, ct), ApiJson.Indented);
        }).RequireAuthorization(ApiPolicies.MeRead).WithSummary("Everything held about you, as a JSON download.");

        me.MapDelete("", async Task<Ok<ErasureReport>> (ClaimsPrincipal user, IMemberStore members, SignInManager<MemberUser> signIn, CancellationToken ct) =>
        {
            var report = await members.EraseMemberAsync(Viewers.From(user).UserId!, ct);
            await signIn.SignOutAsync();
            return TypedResults.Ok(report);
        }).RequireAuthorization().WithSummary("Opts out in one step: erases you, your verified accounts and everything about them, and keeps them erased.");
    }

    /// <summary>The viewer's verified accounts, in id order.</summary>
    internal static async Task<IReadOnlyList<AccountRef>> VerifiedAsync(ProfileCache cache, Viewer viewer, CancellationToken ct)
    {
        var claims = await cache.ClaimsOfAsync(viewer.UserId!, ct);
        return [.. claims.Where(c => c.Status == ClaimStatus.Verified).Select(c => c.Account).OrderBy(a => a.Id)];
    }

    /// <summary>The named verified account of the viewer (or their first one when <paramref name="name"/> is null).</summary>
    internal static async Task<AccountRef?> OwnAccountAsync(ProfileCache cache, Viewer viewer, string? name, CancellationToken ct)
    {
        var verified = await VerifiedAsync(cache, viewer, ct);
        return name is null ? verified.FirstOrDefault() : verified.FirstOrDefault(a => a.Label == name || $"{a.Network}:{a.ExternalId}" == name);
    }
}
