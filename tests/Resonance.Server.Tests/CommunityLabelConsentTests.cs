using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

/// <summary>A smaller server of its own: the test claims an account and changes its visibility, which the shared
/// fixture's other tests must not see.</summary>
public sealed class CommunityLabelConsentFixture : ServerFixture
{
    public override int People => 150;
}

/// <summary>Community labels name a community's most central members only for viewers who may see them
/// (<see cref="Viewer.MaySee"/>), on every web path that shows a label, and follow a visibility change at once.</summary>
public sealed class CommunityLabelConsentTests(CommunityLabelConsentFixture fixture) : IClassFixture<CommunityLabelConsentFixture>
{
    [Fact]
    public async Task APrivateMostCentralMember_IsNamedOnlyToItsHolder_UntilTheyBecomeVisibleToSignedInUsers()
    {
        var run = (await fixture.Store.ListRunsAsync(Ct))[^1];
        var (community, central, coMember) = await CommunityWithAnUnclaimedCentreAsync(run.Id);
        var otherEmail = fixture.SignIns.First(s => s.Account is not null && s.Account != coMember.Label).Email;
        using var holder = await ClaimAsPrivateAsync(central);
        using var anonymous = await fixture.ClientAsync();
        using var other = await fixture.ClientAsync(otherEmail);
        using var mark = await fixture.ClientAsync("mark@demo.resonance");

        // The holder reads first, so a label cached for one viewer and served to another would show below.
        var own = await holder.JsonAsync("/api/v1/me/profile");
        Assert.Equal("private", own.GetProperty("visibility").GetString());
        Assert.Equal(community, own.GetProperty("community").GetProperty("id").GetInt32());
        Assert.Equal(central.Label, own.GetProperty("community").GetProperty("named")[0].GetString());
        Assert.True(Names(await holder.GetStringAsync("/me"), central), "the holder sees their own name in their community's label");
        Assert.True(Names((await holder.JsonAsync(PersonPath(coMember, api: true))).GetProperty("community").GetProperty("label").GetString()!, central));

        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("another member", other), ("a marketer", mark) })
        {
            foreach (var (path, text) in await LabelTextsAsync(client, coMember, central, marketer: client == mark))
            {
                Assert.False(Names(text, central), $"{who} sees the private {central.Label} named on {path}");
            }
        }

        var (signedIn, _) = await holder.SendJsonAsync(HttpMethod.Put, "/api/v1/me/visibility", new { visibility = "signed-in" });
        Assert.Equal(HttpStatusCode.NoContent, signedIn);
        Assert.Equal(central.Label, (await other.JsonAsync(PersonPath(coMember, api: true))).GetProperty("community").GetProperty("named")[0].GetString());
        Assert.True(Names(await other.GetStringAsync(PersonPath(coMember, api: false)), central));
        Assert.True(Names(await mark.GetStringAsync("/discover"), central));
        Assert.Contains((await mark.JsonAsync("/api/v1/discover/communities?pageSize=200")).GetProperty("items").EnumerateArray(),
            c => c.GetProperty("id").GetInt32() == community && Names(c.GetProperty("label").GetString()!, central));
        Assert.All(await LabelTextsAsync(anonymous, coMember, central, marketer: false), t => Assert.False(Names(t.Text, central), t.Path));

        var (discoverable, _) = await holder.SendJsonAsync(HttpMethod.Put, "/api/v1/me/visibility", new { visibility = "discoverable" });
        Assert.Equal(HttpStatusCode.NoContent, discoverable);
        Assert.True(Names((await mark.JsonAsync(PersonPath(central, api: true))).GetProperty("community").GetProperty("label").GetString()!, central));

        var (hidden, _) = await holder.SendJsonAsync(HttpMethod.Put, "/api/v1/me/visibility", new { visibility = "private" });
        Assert.Equal(HttpStatusCode.NoContent, hidden);
        foreach (var client in new[] { other, mark })
        {
            Assert.All(await LabelTextsAsync(client, coMember, central, marketer: client == mark), t => Assert.False(Names(t.Text, central), t.Path));
        }
    }

    /// <summary>Every text a viewer gets that may hold a community label: the co-member's and the central account's
    /// profile page and API (a 404 body when hidden), and for a marketer discover's community select and its API.</summary>
    private static async Task<List<(string Path, string Text)>> LabelTextsAsync(WebClient client, AccountRef coMember, AccountRef central, bool marketer)
    {
        var paths = new List<string> { PersonPath(coMember, true), PersonPath(coMember, false), PersonPath(central, true), PersonPath(central, false) };
        if (marketer)
        {
            paths.AddRange(["/discover", "/api/v1/discover/communities"]);
        }
        var texts = new List<(string, string)>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            texts.Add((path, await response.Content.ReadAsStringAsync(Ct)));
        }
        return texts;
    }

    /// <summary>Whether a label in <paramref name="text"/> names <paramref name="account"/> ("around A and B (…").</summary>
    private static bool Names(string text, AccountRef account) =>
        Regex.IsMatch(WebUtility.HtmlDecode(text), $@"(around|and) {Regex.Escape(account.Label)}[ (]");

    /// <summary>A community of the run whose most central member nobody has claimed, and a demo member in it who is
    /// visible to signed-in users (whose profile shows the community's label).</summary>
    private async Task<(int Community, AccountRef Central, AccountRef CoMember)> CommunityWithAnUnclaimedCentreAsync(long runId)
    {
        var standings = await fixture.Store.AllCommunityStandingsAsync(runId, Ct);
        var claimed = await fixture.Store.ClaimedStandingsAsync(runId, Ct);
        var claimedIds = claimed.Select(c => c.Standing.AccountId).ToHashSet();
        foreach (var (standing, consent) in claimed.Where(c => c.Consent.Visibility >= Visibility.SignedIn).OrderBy(c => c.Standing.AccountId))
        {
            var centre = standings.Where(s => s.Community == standing.Community).OrderByDescending(s => s.Centrality).ThenBy(s => s.AccountId).First();
            if (!claimedIds.Contains(centre.AccountId))
            {
                var names = await fixture.Store.DescribeAccountsAsync([centre.AccountId, standing.AccountId], Ct);
                Assert.Empty(await fixture.Store.ConsentsAsync([centre.AccountId], Ct));
                return (standing.Community, names[centre.AccountId], names[standing.AccountId]);
            }
        }
        throw new InvalidOperationException("no demo member shares a community with an unclaimed most central account");
    }

    /// <summary>A new member who claims <paramref name="account"/>, approved by the admin: private by default.</summary>
    private async Task<WebClient> ClaimAsPrivateAsync(AccountRef account)
    {
        var client = await fixture.ClientAsync();
        using (var signup = await client.SubmitAsync("/signup", "signup", new Dictionary<string, string>
        {
            ["Input.Name"] = "centre", ["Input.Email"] = "centre@example.test", ["Input.Password"] = "Correct-horse-9",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, signup.StatusCode);
        }
        var (created, body) = await client.SendJsonAsync(HttpMethod.Post, "/api/v1/me/claims", new { account = account.Label });
        Assert.Equal(HttpStatusCode.Created, created);
        using var admin = await fixture.ClientAsync("admin@demo.resonance");
        var (approved, _) = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/admin/claims/{JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64()}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved);
        return client;
    }
}
