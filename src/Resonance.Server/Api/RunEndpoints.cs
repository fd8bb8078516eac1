using Microsoft.AspNetCore.Http.HttpResults;
using Resonance.Application.Scoring;

namespace Resonance.Server.Api;

/// <summary>Scoring runs: which algorithm version computed what, from which data. Runs name nobody.</summary>
internal static class RunEndpoints
{
    public static void MapRunEndpoints(this RouteGroupBuilder api)
    {
        var runs = api.MapGroup("/runs").WithTags("Runs");

        runs.MapGet("", async Task<Results<Ok<Paged<RunResponse>>, ValidationProblem>> (IScoreStore scores, CancellationToken ct, int page = 1, int pageSize = 20) =>
        {
            if (ApiEndpoints.PagingProblem(page, pageSize) is { } problem)
            {
                return TypedResults.ValidationProblem(problem);
            }
            var all = await scores.ListRunsAsync(ct);
            return TypedResults.Ok(ApiEndpoints.Page<RunResponse>([.. all.Reverse().Select(ApiMapping.Run)], page, pageSize));
        }).WithSummary("Runs, newest first.");

        runs.MapGet("/{id:long}", async Task<Results<Ok<RunResponse>, NotFound>> (long id, IScoreStore scores, CancellationToken ct) =>
            await scores.GetRunAsync(id, ct) is { } run ? TypedResults.Ok(ApiMapping.Run(run)) : TypedResults.NotFound())
            .WithSummary("One run.");
    }
}
