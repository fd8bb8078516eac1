using Microsoft.AspNetCore.Http.HttpResults;

namespace Resonance.Server.Api;

/// <summary>Maps the REST API, version 1, under <c>/api/v1</c>.</summary>
public static class ApiEndpoints
{
    /// <summary>Largest page size any list accepts.</summary>
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapResonanceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapMeEndpoints();
        api.MapPeopleEndpoints();
        api.MapRunEndpoints();
        api.MapAdminEndpoints();
        api.MapMarketerEndpoints();
        api.MapTokenEndpoints();
        return app;
    }

    /// <summary>Checks paging parameters; returns the problem or null.</summary>
    internal static Dictionary<string, string[]>? PagingProblem(int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["page must be 1 or more."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        return errors.Count > 0 ? errors : null;
    }

    /// <summary>One page of <paramref name="items"/>, or the paging problem when <paramref name="page"/> or
    /// <paramref name="pageSize"/> is out of range.</summary>
    internal static Results<Ok<Paged<T>>, ValidationProblem> PageOrProblem<T>(IReadOnlyList<T> items, int page, int pageSize) =>
        PagingProblem(page, pageSize) is { } problem ? TypedResults.ValidationProblem(problem) : TypedResults.Ok(Page(items, page, pageSize));

    /// <summary>One page of <paramref name="items"/>.</summary>
    internal static Paged<T> Page<T>(IReadOnlyList<T> items, int page, int pageSize) =>
        new([.. items.Skip((page - 1) * pageSize).Take(pageSize)], page, pageSize, items.Count);
}
