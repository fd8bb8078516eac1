using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Resonance.Application.Members;
using Resonance.Server.Hosting;

namespace Resonance.Server.Api;

/// <summary>Marketers: discover members who chose to be found, export the results, invite them.</summary>
internal static class MarketerEndpoints
{
    public static void MapMarketerEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/discover", async Task<Results<Ok<Paged<DiscoveredResponse>>, ValidationProblem>> ([AsParameters] DiscoverParameters p,
            DiscoveryService discovery, CancellationToken ct) =>
        {
            var query = p.ToQuery();
            if (query.Problems() is { Count: > 0 } problems)
            {
                return TypedResults.ValidationProblem(problems);
            }
            var page = await discovery.SearchAsync(query, ct);
            return TypedResults.Ok(new Paged<DiscoveredResponse>([.. page.Items.Select(DiscoveredResponse.From)], query.Page, query.PageSize, page.Total));
        }).RequireAuthorization(ApiPolicies.Discover).WithTags("Marketers")
          .WithSummary("Members who chose to be discoverable, filtered by network, score range, name, topic, minimum audience quality (percent) and community (an id of the latest run, from /discover/communities), sorted and paged.");

        api.MapGet("/discover/communities", async Task<Results<Ok<Paged<CommunityOptionResponse>>, ValidationProblem>> (ClaimsPrincipal user, CommunityCache communities,
            CancellationToken ct, int page = 1, int pageSize = 20) =>
            ApiEndpoints.PageOrProblem<CommunityOptionResponse>([.. (await communities.LatestLabelsAsync(Viewers.From(user), ct))
                .Select(c => new CommunityOptionResponse(c.Community.Id, c.Label.Text, c.Community.Size, c.Community.Scored))], page, pageSize))
            .RequireAuthorization(ApiPolicies.Discover).WithTags("Marketers")
            .WithSummary("The latest run's communities, largest first, with labels naming only members you may see: the values of discover's community filter. Empty when the run has none.");

        api.MapGet("/discover.csv", async Task<Results<FileContentHttpResult, ValidationProblem>> ([AsParameters] DiscoverParameters p,
            DiscoveryService discovery, CancellationToken ct) =>
        {
            var query = p.ToQuery() with { Page = 1 };
            if (query.Problems() is { Count: > 0 } problems)
            {
                return TypedResults.ValidationProblem(problems);
            }
            var all = await discovery.MatchesAsync(query, ct);
            return TypedResults.File(DiscoveryCsv.Write(all), "text/csv; charset=utf-8", "resonance-discover.csv");
        }).RequireAuthorization(ApiPolicies.Discover).WithTags("Marketers")
          .WithSummary("The same search, every match, as CSV.");

        api.MapPost("/invitations", async Task<Results<Created<InvitationResponse>, ValidationProblem, ProblemHttpResult>> (InvitationRequest request,
            ClaimsPrincipal user, IMarketingStore store, CancellationToken ct) =>
        {
            var errors = request.Problems();
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }
            try
            {
                var sent = await store.SendInvitationAsync(Viewers.From(user).UserId!, request.To!, request.KindValue, request.Message!, ct);
                return TypedResults.Created($"/api/v1/invitations/{sent.Id}", InvitationResponse.From(sent));
            }
            catch (InvalidOperationException)
            {
                // The same answer whether the member does not exist or did not choose to be found.
                return TypedResults.Problem("There is no discoverable member by that name.", title: "Not found", statusCode: StatusCodes.Status404NotFound);
            }
        }).RequireAuthorization(ApiPolicies.Invite).WithTags("Marketers")
          .WithSummary("Invites a discoverable member (a perk or a collaboration). Nothing is sent to anyone else.");

        api.MapGet("/invitations/sent", async Task<Results<Ok<Paged<InvitationResponse>>, ValidationProblem>> (ClaimsPrincipal user, IMarketingStore store,
            CancellationToken ct, int page = 1, int pageSize = 20) =>
            ApiEndpoints.PageOrProblem<InvitationResponse>([.. (await store.SentAsync(Viewers.From(user).UserId!, ct)).Select(InvitationResponse.From)], page, pageSize))
            .RequireAuthorization(ApiPolicies.Discover).WithTags("Marketers").WithSummary("Invitations you sent and their answers.");

        api.MapGet("/me/invitations", async Task<Results<Ok<Paged<InvitationResponse>>, ValidationProblem>> (ClaimsPrincipal user, IMarketingStore store,
            CancellationToken ct, int page = 1, int pageSize = 20) =>
            ApiEndpoints.PageOrProblem<InvitationResponse>([.. (await store.InboxAsync(Viewers.From(user).UserId!, ct)).Select(InvitationResponse.From)], page, pageSize))
            .RequireAuthorization(ApiPolicies.MeRead).WithTags("Me").WithSummary("Your inbox: invitations from marketers.");

        api.MapPost("/me/invitations/{id:long}/{decision:regex(^(accept|decline)$)}", async Task<Results<Ok<InvitationResponse>, NotFound>> (long id, string decision,
            ClaimsPrincipal user, IMarketingStore store, CancellationToken ct) =>
            await store.DecideInvitationAsync(Viewers.From(user).UserId!, id, decision == "accept", ct) is { } decided
                ? TypedResults.Ok(InvitationResponse.From(decided))
                : TypedResults.NotFound())
            .RequireAuthorization().WithTags("Me").WithSummary("Accepts or declines an invitation.");
    }
}

/// <summary>Query parameters of the discovery search.</summary>
internal sealed record DiscoverParameters(string? Network, double? MinScore, double? MaxScore, string? Name, string? Sort, int? Page, int? PageSize,
    string? Topic, double? MinAudienceQuality, int? Community)
{
    public DiscoveryQuery ToQuery() => new(Network, MinScore, MaxScore, Name, Sort ?? "score", Page ?? 1, PageSize ?? 20)
    {
        Topic = Topic, MinAudienceQuality = MinAudienceQuality, Community = Community,
    };
}

/// <summary>A discoverable member in results, with audience quality (share of likely-authentic engagers and its 95%
/// interval, null when unknown), top topics (hidden ones left out) and community id in the latest run (null when none).</summary>
public sealed record DiscoveredResponse(string Name, string Account, string Network, double? Score, double? Low, double? High, string? Display,
    double? AudienceQuality, double? AudienceLow, double? AudienceHigh, string? AudienceText, IReadOnlyList<string> Topics, int? Community)
{
    public static DiscoveredResponse From(DiscoveredMember m) => new(m.Name, m.Account.Label, m.Account.Network, m.Score, m.Low, m.High,
        m.Score is { } s ? Application.Scoring.ScoreText.WithInterval(s, m.Low!.Value, m.High!.Value) : null,
        m.Audience?.Share, m.Audience?.Low, m.Audience?.High, m.Audience is { } a ? Application.Insights.AudienceWords.Describe(a) : null,
        [.. m.Topics.Take(Application.Insights.InsightService.ShownTopics)], m.Community);
}

/// <summary>A community of the latest run, as discovery's filter offers it: its id, its label (naming only members the
/// viewer may see), its size and its scored members.</summary>
public sealed record CommunityOptionResponse(int Id, string Label, int Size, int Scored);

/// <summary>An invitation to send: <c>to</c> is the member's name, <c>kind</c> is <c>perk</c> or <c>collaboration</c>.</summary>
public sealed record InvitationRequest(string? To, string? Kind, string? Message)
{
    internal InvitationKind KindValue => string.Equals(Kind, "collaboration", StringComparison.OrdinalIgnoreCase) ? InvitationKind.Collaboration : InvitationKind.Perk;

    internal Dictionary<string, string[]> Problems()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(To)) { errors["to"] = ["name the member to invite."]; }
        if (Kind is not null && !string.Equals(Kind, "perk", StringComparison.OrdinalIgnoreCase) && !string.Equals(Kind, "collaboration", StringComparison.OrdinalIgnoreCase))
        {
            errors["kind"] = ["kind must be perk or collaboration."];
        }
        if (string.IsNullOrWhiteSpace(Message) || Message.Length > 2000) { errors["message"] = ["write a message of 1–2000 characters."]; }
        return errors;
    }
}

/// <summary>An invitation as the API shows it.</summary>
public sealed record InvitationResponse(long Id, string Sender, string Recipient, string Kind, string Message, string Status, DateTimeOffset SentAt, DateTimeOffset? DecidedAt)
{
    public static InvitationResponse From(InvitationInfo i) => new(i.Id, i.FromName, i.ToName, i.Kind.ToString().ToLowerInvariant(), i.Message,
        i.Status.ToString().ToLowerInvariant(), i.SentAt, i.DecidedAt);
}
