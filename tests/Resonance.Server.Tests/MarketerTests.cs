using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

/// <summary>Marketers find only discoverable members, export them, and invite them; members answer in their inbox;
/// API tokens act within their scopes; admins run scoring as a background job.</summary>
public sealed class MarketerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string[] Discoverable = ["member1", "member2", "member3", "member4"];

    [Fact]
    public async Task Discover_FindsOnlyDiscoverableMembers_SortedPagedAndExportable()
    {
        using var mark = await fixture.ClientAsync("mark@demo.resonance");

        var all = await mark.JsonAsync("/api/v1/discover?pageSize=200");
        var page = await mark.JsonAsync("/api/v1/discover?pageSize=2&page=2");
        using var csv = await mark.GetAsync("/api/v1/discover.csv?minScore=1");
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var names = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
        Assert.Equal(Discoverable.Order(), names.Order()); // ada and member5 chose signed-in only; nobody else consented
        var scores = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetDouble()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(4, page.GetProperty("total").GetInt32());
        Assert.Equal(names.Skip(2), page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("name,account,network,score,low,high,run,audience_quality,audience_low,audience_high,community,topics", lines[0].TrimEnd('\r'));
        Assert.Equal(Discoverable.Order(), lines.Skip(1).Select(l => l.Split(',')[0]).Order());
    }

    [Fact]
    public async Task Discover_FiltersByTopicAndMinimumAudienceQuality()
    {
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        var all = (await mark.JsonAsync("/api/v1/discover?pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        // The listed topic that the fewest members list, so that the filter has members to leave out.
        var topic = all.SelectMany(i => i.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!))
            .GroupBy(t => t).OrderBy(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var qualities = all.Select(i => i.GetProperty("audienceQuality").GetDouble()).Order().ToList();
        var threshold = Math.Round((qualities[0] + qualities[^1]) * 50, 1); // between the worst and the best audience, in percent

        var byTopic = (await mark.JsonAsync($"/api/v1/discover?topic={topic}&pageSize=200")).GetProperty("items").EnumerateArray().ToList();
        var byQuality = (await mark.JsonAsync($"/api/v1/discover?minAudienceQuality={threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)}&pageSize=200"))
            .GetProperty("items").EnumerateArray().ToList();
        using var csv = await mark.GetAsync($"/api/v1/discover.csv?topic={topic}");
        var rows = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();

        var run = (await fixture.Store.ListRunsAsync(Ct))[^1];
        var topics = new Application.Topics.TopicService(fixture.Store, Application.Topics.TopicTaxonomy.BuiltIn);
        var expected = new List<string>();
        foreach (var name in Discoverable)
        {
            var account = await fixture.AccountOfAsync($"{name}@demo.resonance");
            if ((await topics.AccountAsync(run.Parameters, account.Id, scored: 0, ct: Ct)).Any(t => t.Topic.Topic == topic))
            {
                expected.Add(name);
            }
        }
        Assert.Equal(expected.Order(), byTopic.Select(i => i.GetProperty("name").GetString()).Order());
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < Discoverable.Length, $"every discoverable member has {topic}: the filter is not tested");
        Assert.NotEmpty(byQuality);
        Assert.True(byQuality.Count < all.Count, "the threshold lies between the worst and the best audience");
        Assert.All(byQuality, i => Assert.True(i.GetProperty("audienceQuality").GetDouble() * 100 >= threshold));
        Assert.Equal(all.Count(i => i.GetProperty("audienceQuality").GetDouble() * 100 >= threshold), byQuality.Count);
        Assert.All(byQuality, i => Assert.InRange(i.GetProperty("audienceQuality").GetDouble(), i.GetProperty("audienceLow").GetDouble(), i.GetProperty("audienceHigh").GetDouble()));
        Assert.Equal(byTopic.Count, rows.Count);
    }

    [Fact]
    public async Task Discover_FiltersByCommunityOfTheLatestRun_ListingOnlyItsDiscoverableMembers()
    {
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        var run = (await fixture.Store.ListRunsAsync(Ct))[^1];
        var communityOf = (await fixture.Store.AllCommunityStandingsAsync(run.Id, Ct)).ToDictionary(s => s.AccountId, s => s.Community);
        var expected = new Dictionary<int, List<string>>();
        foreach (var name in Discoverable)
        {
            var account = await fixture.AccountOfAsync($"{name}@demo.resonance");
            if (communityOf.TryGetValue(account.Id, out var c))
            {
                (expected.TryGetValue(c, out var list) ? list : expected[c] = []).Add(name);
            }
        }
        // The communities holding a discoverable member (each also holds accounts that are not), and the largest one holding none.
        var others = communityOf.Values.Distinct().Where(c => !expected.ContainsKey(c)).Order().ToList();
        var communities = expected.Keys.Append(others[0]).Order().ToList();
        var options = (await mark.JsonAsync("/api/v1/discover/communities?pageSize=200")).GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetInt32()).ToList();

        foreach (var c in communities)
        {
            var found = (await mark.JsonAsync($"/api/v1/discover?community={c}&pageSize=200")).GetProperty("items").EnumerateArray().ToList();
            using var csv = await mark.GetAsync($"/api/v1/discover.csv?community={c}");
            var rows = (await csv.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            var page = await mark.GetStringAsync($"/discover?community={c}");

            Assert.Equal(expected.GetValueOrDefault(c, []).Order(), found.Select(i => i.GetProperty("name").GetString()!).Order());
            Assert.All(found, i => Assert.Equal(c, i.GetProperty("community").GetInt32()));
            Assert.Equal(expected.GetValueOrDefault(c, []).Order(), rows.Select(r => r.Split(',')[0]).Order());
            Assert.Contains($"<option value=\"{c}\" selected", page, StringComparison.Ordinal);
        }
        Assert.Equal(options.Count, (await fixture.Store.CommunitiesAsync(run.Id, Ct)).Count);
        Assert.All(expected, e => Assert.True(communityOf.Values.Count(c => c == e.Key) > e.Value.Count, "the community holds accounts that are not discoverable"));
        Assert.True(communityOf.Count > 100, "the latest run places its scored accounts in communities");
    }

    [Fact]
    public async Task Discover_RejectsBadFilters_WithTheFieldNamed()
    {
        using var mark = await fixture.ClientAsync("mark@demo.resonance");

        using var response = await mark.GetAsync("/api/v1/discover?minScore=80&maxScore=20&sort=followers&minAudienceQuality=101&community=0");
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("maxScore", out _));
        Assert.True(errors.TryGetProperty("sort", out _));
        Assert.True(errors.TryGetProperty("minAudienceQuality", out _));
        Assert.True(errors.TryGetProperty("community", out _));
    }

    [Fact]
    public async Task Invitations_ReachOnlyDiscoverableMembers_WhoAnswerInTheirInbox()
    {
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        using var member2 = await fixture.ClientAsync("member2@demo.resonance");

        var (sent, body) = await mark.SendJsonAsync(HttpMethod.Post, "/api/v1/invitations", new { to = "member2", kind = "collaboration", message = "Talk about #jazz with us?" });
        var (toPrivate, privateBody) = await mark.SendJsonAsync(HttpMethod.Post, "/api/v1/invitations", new { to = "ada", kind = "perk", message = "A gift" });
        var (toNobody, nobodyBody) = await mark.SendJsonAsync(HttpMethod.Post, "/api/v1/invitations", new { to = "no-such-member", kind = "perk", message = "A gift" });
        var inbox = (await member2.JsonAsync("/api/v1/me/invitations")).GetProperty("items");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        var (accepted, _) = await member2.SendJsonAsync(HttpMethod.Post, $"/api/v1/me/invitations/{id}/accept", null);
        var (again, _) = await member2.SendJsonAsync(HttpMethod.Post, $"/api/v1/me/invitations/{id}/decline", null);
        var outbox = (await mark.JsonAsync("/api/v1/invitations/sent")).GetProperty("items");

        Assert.Equal(HttpStatusCode.Created, sent);
        Assert.Equal(HttpStatusCode.NotFound, toPrivate);
        Assert.Equal(HttpStatusCode.NotFound, toNobody);
        Assert.Equal(Detail(privateBody), Detail(nobodyBody)); // a private member cannot be told apart from no member
        Assert.Equal("Talk about #jazz with us?", inbox[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, accepted);
        Assert.Equal(HttpStatusCode.NotFound, again); // answered once
        Assert.Equal("accepted", outbox.EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id).GetProperty("status").GetString());
        using var adaClient = await fixture.ClientAsync("ada@demo.resonance");
        Assert.Empty((await adaClient.JsonAsync("/api/v1/me/invitations")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ApiTokens_ActForTheirOwner_OnlyWithinTheirScopes_UntilRevoked()
    {
        using var ada = await fixture.ClientAsync("ada@demo.resonance");
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        var adaToken = await CreateTokenAsync(ada, "me:read");
        var markReadOnly = await CreateTokenAsync(mark, "me:read");
        var markDiscover = await CreateTokenAsync(mark, "discover:read");
        using var program = new WebClient(fixture.BaseAddress);

        var me = await WithTokenAsync(program, adaToken.Secret, HttpMethod.Get, "/api/v1/me");
        var write = await WithTokenAsync(program, adaToken.Secret, HttpMethod.Put, "/api/v1/me/visibility");
        var adaDiscover = await WithTokenAsync(program, adaToken.Secret, HttpMethod.Get, "/api/v1/discover");
        var outOfScope = await WithTokenAsync(program, markReadOnly.Secret, HttpMethod.Get, "/api/v1/discover");
        var inScope = await WithTokenAsync(program, markDiscover.Secret, HttpMethod.Get, "/api/v1/discover");
        var (revoked, _) = await ada.SendJsonAsync(HttpMethod.Delete, $"/api/v1/me/tokens/{adaToken.Id}", null);
        var afterRevoke = await WithTokenAsync(program, adaToken.Secret, HttpMethod.Get, "/api/v1/me");
        var forged = await WithTokenAsync(program, "rsn_" + new string('A', 40), HttpMethod.Get, "/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, me);
        Assert.Equal(HttpStatusCode.Unauthorized, write); // tokens read; changes need the member's own session
        Assert.Equal(HttpStatusCode.Forbidden, adaDiscover); // a member's token cannot do what the member cannot
        Assert.Equal(HttpStatusCode.Forbidden, outOfScope);
        Assert.Equal(HttpStatusCode.OK, inScope);
        Assert.Equal(HttpStatusCode.NoContent, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke);
        Assert.Equal(HttpStatusCode.Unauthorized, forged);
        Assert.DoesNotContain(adaToken.Secret, await ada.GetStringAsync("/api/v1/me/tokens"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_StartsAScoringRunAsABackgroundJob_ThatSavesANewRun()
    {
        using var admin = await fixture.ClientAsync("admin@demo.resonance");
        var before = (await fixture.Store.ListRunsAsync(Ct)).Count;

        using var started = await admin.SubmitAsync("/admin", "start-job", new Dictionary<string, string> { ["JobInput.Algorithm"] = "resonance@1", ["JobInput.Network"] = "" });
        var page = await started.Content.ReadAsStringAsync(Ct);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while ((await fixture.Store.ListRunsAsync(Ct)).Count == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }
        var runs = await fixture.Store.ListRunsAsync(Ct);
        string admin2;
        do
        {
            admin2 = await admin.GetStringAsync("/admin");
        }
        while (!admin2.Contains("succeeded", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("Scoring job", page, StringComparison.Ordinal);
        Assert.Equal(before + 1, runs.Count);
        Assert.Equal("resonance@1", runs[^1].Algorithm.ToString());
        Assert.Contains($"run {runs[^1].Id}", admin2, StringComparison.Ordinal);
    }

    private static string? Detail(string body) => JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString();

    private static async Task<(long Id, string Secret)> CreateTokenAsync(WebClient client, string scope)
    {
        var (status, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/me/tokens", new { name = "test " + scope, scopes = new[] { scope } });
        Assert.Equal(HttpStatusCode.Created, status);
        var json = JsonDocument.Parse(body).RootElement;
        return (json.GetProperty("token").GetProperty("id").GetInt64(), json.GetProperty("secret").GetString()!);
    }

    private static async Task<HttpStatusCode> WithTokenAsync(WebClient client, string secret, HttpMethod method, string path)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        if (method == HttpMethod.Put)
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(new { visibility = "private" });
        }
        using var response = await client.Http.SendAsync(request, Ct);
        return response.StatusCode;
    }
}

/// <summary>A server that allows only three sign-in posts a minute.</summary>
public sealed class ThrottledFixture : ServerFixture
{
    public override int People => 120;

    public override int SignInAttemptsPerMinute => 3;
}

public sealed class SignInThrottleTests(ThrottledFixture fixture) : IClassFixture<ThrottledFixture>
{
    [Fact]
    public async Task SignInAttempts_BeyondTheLimit_AreRefusedWith429()
    {
        using var client = await fixture.ClientAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SubmitAsync("/signin", "signin", new Dictionary<string, string>
            {
                ["Input.Email"] = "ada@demo.resonance", ["Input.Password"] = "wrong password " + i,
            });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, (HttpStatusCode)429], statuses);
    }
}
