using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

/// <summary>Anonymous, a member, another member, a marketer and an admin each call every endpoint and page; each gets
/// exactly what it may. {ada} is ada's account (visible to signed-in users), {member4} is a discoverable member's.</summary>
public sealed class AuthorizationMatrixTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    // Columns: anonymous, ada (member), member4 (another member), mark (marketer), admin.
    public static TheoryData<string, string, int[]> Matrix => new()
    {
        { "GET", "/", [200, 200, 200, 200, 200] },
        { "GET", "/methodology", [200, 200, 200, 200, 200] },
        { "GET", "/me", [302, 200, 200, 200, 200] },
        { "GET", "/me/privacy", [302, 200, 200, 200, 200] },
        { "GET", "/people", [302, 200, 200, 200, 200] },
        { "GET", "/people/{ada}", [404, 200, 200, 200, 200] },
        { "GET", "/people/{unclaimed}", [404, 404, 404, 404, 404] },
        { "GET", "/admin", [302, 302, 302, 302, 200] },
        { "GET", "/discover", [302, 302, 302, 200, 302] },
        { "GET", "/me/inbox", [302, 200, 200, 200, 200] },
        { "GET", "/me/tokens", [302, 200, 200, 200, 200] },
        { "GET", "/api/v1/discover", [401, 403, 403, 200, 403] },
        { "GET", "/api/v1/discover.csv", [401, 403, 403, 200, 403] },
        { "GET", "/api/v1/discover/communities", [401, 403, 403, 200, 403] },
        { "GET", "/api/v1/discover?community=1", [401, 403, 403, 200, 403] },
        { "GET", "/api/v1/invitations/sent", [401, 403, 403, 200, 403] },
        { "GET", "/api/v1/me/invitations", [401, 200, 200, 200, 200] },
        { "GET", "/api/v1/me/tokens", [401, 200, 200, 200, 200] },
        { "POST", "/api/v1/me/invitations/999999/accept", [401, 404, 404, 404, 404] },
        { "GET", "/api/v1/me", [401, 200, 200, 200, 200] },
        { "GET", "/api/v1/me/profile", [401, 200, 200, 404, 404] },
        { "GET", "/api/v1/me/profile?account={member4}", [401, 404, 200, 404, 404] },
        { "GET", "/api/v1/me/export", [401, 200, 200, 200, 200] },
        { "GET", "/api/v1/me/topics/hidden", [401, 200, 200, 200, 200] },
        { "DELETE", "/api/v1/me/topics/hidden/no-such-topic", [401, 404, 404, 404, 404] },
        { "GET", "/api/v1/people", [401, 200, 200, 200, 200] },
        { "GET", "/api/v1/people/{ada}", [404, 200, 200, 200, 200] },
        { "GET", "/api/v1/people/{member4}", [404, 200, 200, 200, 200] },
        { "GET", "/api/v1/people/{unclaimed}", [404, 404, 404, 404, 404] },
        { "GET", "/api/v1/runs", [200, 200, 200, 200, 200] },
        { "GET", "/api/v1/stats", [200, 200, 200, 200, 200] },
        { "GET", "/api/v1/admin/claims", [401, 403, 403, 403, 200] },
        { "POST", "/api/v1/admin/claims/999999/approve", [401, 403, 403, 403, 404] },
        { "PUT", "/api/v1/me/visibility", [401, 204, 204, 204, 204] },
        { "DELETE", "/api/v1/me/networks/no-such-network", [401, 200, 200, 200, 200] },
    };

    private static readonly string?[] Viewers = [null, "ada@demo.resonance", "member4@demo.resonance", "mark@demo.resonance", "admin@demo.resonance"];

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task EachViewer_GetsExactlyWhatItMay(string method, string path, int[] expected)
    {
        var resolved = await ResolveAsync(path);
        var actual = new int[Viewers.Length];
        for (var i = 0; i < Viewers.Length; i++)
        {
            using var client = await fixture.ClientAsync(Viewers[i]);
            object? body = method == "PUT" ? new { visibility = await CurrentVisibilityAsync(client, Viewers[i]) } : null;
            var (status, _) = await client.SendJsonAsync(new HttpMethod(method), resolved, body);
            actual[i] = (int)status;
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task PagesThatNeedRights_SendAnonymousToSignIn_AndOthersToNotAllowed()
    {
        using var anonymous = await fixture.ClientAsync();
        using var member = await fixture.ClientAsync("ada@demo.resonance");

        using var toSignIn = await anonymous.GetAsync("/admin");
        using var denied = await member.GetAsync("/admin");

        Assert.StartsWith("/signin", toSignIn.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.StartsWith("/denied", denied.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>Keeps visibility as it is (the PUT row checks the right to call, not a change).</summary>
    private static async Task<string> CurrentVisibilityAsync(WebClient client, string? email)
    {
        if (email is null)
        {
            return "private";
        }
        return (await client.JsonAsync("/api/v1/me")).GetProperty("visibility").GetString()!;
    }

    private async Task<string> ResolveAsync(string path)
    {
        if (path.Contains("{ada}", StringComparison.Ordinal))
        {
            return path.Replace("/{ada}", PersonTail(await fixture.AccountOfAsync("ada@demo.resonance")), StringComparison.Ordinal);
        }
        if (path.Contains("?account={member4}", StringComparison.Ordinal))
        {
            return path.Replace("{member4}", Uri.EscapeDataString((await fixture.AccountOfAsync("member4@demo.resonance")).Label), StringComparison.Ordinal);
        }
        if (path.Contains("{member4}", StringComparison.Ordinal))
        {
            return path.Replace("/{member4}", PersonTail(await fixture.AccountOfAsync("member4@demo.resonance")), StringComparison.Ordinal);
        }
        if (path.Contains("{unclaimed}", StringComparison.Ordinal))
        {
            var top = await fixture.Store.TopScoresAsync((await fixture.Store.ListRunsAsync(Ct))[^1].Id, 30, Ct);
            var id = top[^1].AccountId;
            Assert.Empty(await fixture.Store.ConsentsAsync([id], Ct));
            return path.Replace("/{unclaimed}", PersonTail((await fixture.Store.DescribeAccountsAsync([id], Ct))[id]), StringComparison.Ordinal);
        }
        return path;
    }

    private static string PersonTail(Application.Scoring.AccountRef a) => PersonPath(a, api: false)["/people".Length..];
}
