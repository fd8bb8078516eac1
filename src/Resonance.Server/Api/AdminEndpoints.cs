using Microsoft.AspNetCore.Http.HttpResults;
using Resonance.Application.Members;
using Resonance.Server.Hosting;

namespace Resonance.Server.Api;

/// <summary>Operator endpoints: approving account claims.</summary>
internal static class AdminEndpoints
{
    public static void MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Admin");

        admin.MapGet("/claims", async Task<Results<Ok<Paged<ClaimResponse>>, ValidationProblem>> (IMemberStore members, CancellationToken ct, int page = 1, int pageSize = 20) =>
        {
            if (ApiEndpoints.PagingProblem(page, pageSize) is { } problem)
            {
                return TypedResults.ValidationProblem(problem);
            }
            var pending = await members.PendingClaimsAsync(ct);
            return TypedResults.Ok(ApiEndpoints.Page<ClaimResponse>([.. pending.Select(c => ApiMapping.Claim(c, showCode: false))], page, pageSize));
        }).WithSummary("Claims waiting for proof. The claimant asked to be identified with the account, so it is shown; the code is not.");

        admin.MapPost("/claims/{id:long}/approve", (long id, IMemberStore members, CancellationToken ct) => DecideAsync(members, id, true, ct))
            .WithSummary("Approves a pending claim.");
        admin.MapPost("/claims/{id:long}/reject", (long id, IMemberStore members, CancellationToken ct) => DecideAsync(members, id, false, ct))
            .WithSummary("Rejects a pending claim.");
    }

    private static async Task<Results<Ok<ClaimResponse>, NotFound, ProblemHttpResult>> DecideAsync(IMemberStore members, long id, bool approve, CancellationToken ct)
    {
        try
        {
            return await members.DecideClaimAsync(id, approve, ct) is { } claim
                ? TypedResults.Ok(ApiMapping.Claim(claim, showCode: false))
                : TypedResults.NotFound();
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
