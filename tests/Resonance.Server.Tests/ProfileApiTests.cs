using System.Net;
using System.Text.Json;
using Resonance.Application.Importing;
using Resonance.Application.Integrity;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;
using Resonance.Domain;
using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

public sealed class ProfileApiTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task MyProfile_ShowsTheStoredScoreWithItsIntervalAndAHistoryAcrossVersions()
    {
        using var ada = await fixture.ClientAsync("ada@demo.resonance");
        var account = await fixture.AccountOfAsync("ada@demo.resonance");
        var runs = await fixture.Store.ListRunsAsync(Ct);
        var stored = await fixture.Store.GetScoreAsync(runs[^1].Id, account.Id, Ct);

        var profile = await ada.JsonAsync("/api/v1/me/profile");

        Assert.NotNull(stored);
        var score = profile.GetProperty("score");
        Assert.Equal(stored.Score, score.GetProperty("score").GetDouble());
        Assert.InRange(score.GetProperty("score").GetDouble(), score.GetProperty("low").GetDouble(), score.GetProperty("high").GetDouble());
        Assert.Equal(runs[^1].Id, profile.GetProperty("run").GetProperty("id").GetInt64());
        var algorithms = profile.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("algorithm").GetString()).ToList();
        Assert.Equal(["resonance@1", "resonance@1", "resonance@2"], algorithms);
    }

    [Fact]
    public async Task WhyChanged_PartsAddUpToTheTotal_AndEngagersAccountForTheEngagementPart()
    {
        using var ada = await fixture.ClientAsync("ada@demo.resonance");
        var runs = await fixture.Store.ListRunsAsync(Ct);

        var change = await ada.JsonAsync($"/api/v1/me/change?from={runs[0].Id}&to={runs[1].Id}");

        var total = change.GetProperty("total").GetDouble();
        var parts = change.GetProperty("engagementChange").GetDouble() + change.GetProperty("populationShift").GetDouble() + change.GetProperty("algorithmChange").GetDouble();
        Assert.Equal(total, parts, 9);
        Assert.NotEqual(0, total);
        var people = change.GetProperty("contributors");
        var perPerson = people.GetProperty("named").EnumerateArray().Sum(p => p.GetProperty("share").GetDouble())
            + people.GetProperty("anonymous").EnumerateArray().Sum(g => g.GetProperty("share").GetDouble());
        Assert.Equal(change.GetProperty("engagementChange").GetDouble() - change.GetProperty("priorChange").GetDouble(), perPerson, 6);
    }

    [Fact]
    public async Task Profiles_AreVisibleOnlyToWhomTheHolderChose()
    {
        var ada = await fixture.AccountOfAsync("ada@demo.resonance"); // visible to signed-in users
        using var anonymous = await fixture.ClientAsync();
        using var mark = await fixture.ClientAsync("mark@demo.resonance");

        using var hidden = await anonymous.GetAsync(PersonPath(ada, api: true));
        var shown = await mark.JsonAsync(PersonPath(ada, api: true));

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal("ada", shown.GetProperty("name").GetString());
    }

    [Fact]
    public async Task PrivateAndUnclaimedAndMissingAccounts_LookTheSame()
    {
        using var member3 = await fixture.ClientAsync("member3@demo.resonance");
        var (status, _) = await member3.SendJsonAsync(HttpMethod.Put, "/api/v1/me/visibility", new { visibility = "private" });
        var hiddenMember = await fixture.AccountOfAsync("member3@demo.resonance");
        var unclaimed = (await fixture.Store.TopScoresAsync((await fixture.Store.ListRunsAsync(Ct))[^1].Id, 40, Ct))[^1];
        var unclaimedRef = (await fixture.Store.DescribeAccountsAsync([unclaimed.AccountId], Ct))[unclaimed.AccountId];
        using var ada = await fixture.ClientAsync("ada@demo.resonance");

        var bodies = new List<string>();
        foreach (var path in new[] { PersonPath(hiddenMember, true), PersonPath(unclaimedRef, true), "/api/v1/people/synthetic/no-such-account" })
        {
            using var response = await ada.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            bodies.Add((await response.Content.ReadAsStringAsync(Ct)).Replace(path, "", StringComparison.Ordinal));
        }

        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.Single(bodies.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("detail").GetString()).Distinct());
        var own = await member3.JsonAsync("/api/v1/me/profile"); // the holder still sees their own
        Assert.Equal(hiddenMember.Label, own.GetProperty("account").GetString());
    }

    [Fact]
    public async Task Claim_ApprovedByAnAdmin_PublishesTheScoreToItsHolderOnly()
    {
        using var newcomer = await SignUpAsync("claimer-admin");
        var target = await UnclaimedAccountAsync(60);
        using var admin = await fixture.ClientAsync("admin@demo.resonance");

        var (created, body) = await newcomer.SendJsonAsync(HttpMethod.Post, "/api/v1/me/claims", new { account = target.Label });
        using (var before = await newcomer.GetAsync("/api/v1/me/profile"))
        {
            Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        }
        var claimId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        var (approved, _) = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/admin/claims/{claimId}/approve", null);
        var profile = await newcomer.JsonAsync("/api/v1/me/profile");

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal(target.Label, profile.GetProperty("account").GetString());
        Assert.Equal("private", profile.GetProperty("visibility").GetString());
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        using var other = await mark.GetAsync(PersonPath(target, api: true));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode); // private by default
    }

    [Fact]
    public async Task Claim_ProvenByTheCodePostedFromTheAccount_IsVerifiedByTheNextImport()
    {
        using var newcomer = await SignUpAsync("claimer-code");
        var target = await UnclaimedAccountAsync(70);
        var (_, body) = await newcomer.SendJsonAsync(HttpMethod.Post, "/api/v1/me/claims", new { account = target.Label });
        var code = JsonDocument.Parse(body).RootElement.GetProperty("code").GetString()!;
        var wrong = new Post(target.Network, "claim-post-wrong", target.ExternalId, DateTimeOffset.UtcNow, "resonance-XXXXXXXXXX is not my code");
        var right = new Post(target.Network, "claim-post-right", target.ExternalId, DateTimeOffset.UtcNow, $"Verifying my Resonance profile: {code}");

        var first = await ImportAsync(wrong);
        var afterWrong = (await newcomer.JsonAsync("/api/v1/me")).GetProperty("claims")[0].GetProperty("status").GetString();
        var second = await ImportAsync(right);
        var afterRight = (await newcomer.JsonAsync("/api/v1/me")).GetProperty("claims")[0];

        Assert.Equal(0, first.ClaimsVerified);
        Assert.Equal("pending", afterWrong);
        Assert.Equal(1, second.ClaimsVerified);
        Assert.Equal("verified", afterRight.GetProperty("status").GetString());
        Assert.Equal("PostedCode", afterRight.GetProperty("proof").GetString());
    }

    [Theory]
    [InlineData("ada@demo.resonance", "/api/v1/me/invitations")]
    [InlineData("ada@demo.resonance", "/api/v1/me/topics/hidden")]
    [InlineData("ada@demo.resonance", "/api/v1/stats")]
    [InlineData("mark@demo.resonance", "/api/v1/discover/communities")]
    [InlineData("mark@demo.resonance", "/api/v1/invitations/sent")]
    public async Task EveryList_IsPaged_AndRefusesAPageOutOfRange(string email, string path)
    {
        using var client = await fixture.ClientAsync(email);

        var all = await client.JsonAsync($"{path}?pageSize=200");
        var first = await client.JsonAsync($"{path}?page=1&pageSize=1");
        var refused = await client.JsonAsync($"{path}?page=0&pageSize=201", HttpStatusCode.BadRequest);

        var total = all.GetProperty("total").GetInt32();
        Assert.Equal(total, all.GetProperty("items").GetArrayLength());
        Assert.Equal(total, first.GetProperty("total").GetInt32());
        Assert.Equal(Math.Min(1, total), first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, first.GetProperty("pageSize").GetInt32());
        Assert.True(refused.GetProperty("errors").TryGetProperty("page", out _) && refused.GetProperty("errors").TryGetProperty("pageSize", out _), refused.ToString());
    }

    [Fact]
    public async Task BadInput_GetsProblemDetails_WithTheFieldNamed_AndNoStackTrace()
    {
        using var ada = await fixture.ClientAsync("ada@demo.resonance");

        var (claim, claimBody) = await ada.SendJsonAsync(HttpMethod.Post, "/api/v1/me/claims", new { account = "not-an-account" });
        var (visibility, visibilityBody) = await ada.SendJsonAsync(HttpMethod.Put, "/api/v1/me/visibility", new { visibility = "everyone" });
        using var paging = await ada.GetAsync("/api/v1/people?page=0&pageSize=1000");
        var pagingBody = await paging.Content.ReadAsStringAsync(Ct);
        using var missing = await ada.GetAsync("/api/v1/no-such-endpoint");

        Assert.Equal(HttpStatusCode.BadRequest, claim);
        Assert.True(JsonDocument.Parse(claimBody).RootElement.GetProperty("errors").TryGetProperty("account", out _), claimBody);
        Assert.Equal(HttpStatusCode.BadRequest, visibility);
        Assert.Contains("signed-in", visibilityBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, paging.StatusCode);
        Assert.Equal("application/problem+json", paging.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(pagingBody).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("page", out _) && errors.TryGetProperty("pageSize", out _), pagingBody);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        foreach (var text in new[] { claimBody, visibilityBody, pagingBody })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_HoldsMyPostsInteractionsAndScores_AndNamesNobodyWhoDidNotConsent()
    {
        using var ada = await fixture.ClientAsync("ada@demo.resonance");
        var account = await fixture.AccountOfAsync("ada@demo.resonance");

        using var response = await ada.GetAsync("/api/v1/me/export");
        var export = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;

        Assert.Contains("attachment", response.Content.Headers.ContentDisposition?.ToString() ?? response.Headers.ToString(), StringComparison.Ordinal);
        var mine = export.GetProperty("accounts")[0];
        Assert.Equal(account.Label, mine.GetProperty("account").GetProperty("label").GetString());
        Assert.Equal(3, mine.GetProperty("scores").GetArrayLength());
        var interactions = mine.GetProperty("interactions").EnumerateArray().ToList();
        Assert.NotEmpty(interactions);
        var counterparts = interactions.Select(i => i.GetProperty("counterpart").GetString()).Distinct().ToList();
        var visible = (await fixture.Store.ConsentingAsync(Visibility.SignedIn, Ct)).Select(c => c.AccountId).ToHashSet();
        var names = await fixture.Store.DescribeAccountsAsync(visible, Ct);
        Assert.All(counterparts, c => Assert.True(c == "anonymous" || names.Values.Any(n => n.Label == c), c));
        Assert.Contains("anonymous", counterparts);
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeaders()
    {
        using var client = await fixture.ClientAsync();
        foreach (var path in new[] { "/", "/api/v1/runs", "/signin" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task FormPosts_WithoutTheAntiforgeryToken_AreRefused()
    {
        using var client = await fixture.ClientAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin", ["Input.Email"] = "ada@demo.resonance", ["Input.Password"] = Hosting.DemoSignIns.Password,
        });

        using var response = await client.Http.PostAsync(new Uri("/signin", UriKind.Relative), content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("resonance.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheApi_AndTheReferenceIsServed()
    {
        using var client = await fixture.ClientAsync();

        var doc = await client.JsonAsync("/openapi/v1.json");
        var reference = await client.GetStringAsync("/api-reference/");

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/me/profile", paths);
        Assert.Contains("/api/v1/people/{network}/{account}", paths);
        Assert.Contains("/api/v1/runs", paths);
        Assert.Contains("/api/v1/me/topics/hidden", paths);
        Assert.Contains("/api/v1/discover/communities", paths);
        var discoverParameters = doc.GetProperty("paths").GetProperty("/api/v1/discover").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("Community", discoverParameters);
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ProfileResponse").GetProperty("properties").TryGetProperty("community", out _));
        Assert.True(schemas.GetProperty("CommunityStandingResponse").GetProperty("properties").TryGetProperty("preferred", out _));
        Assert.Contains("Resonance API", reference, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methodology_IsGeneratedFromTheScoringDocument()
    {
        using var client = await fixture.ClientAsync();
        var doc = new Hosting.MethodologyDocument().Markdown.Split('\n');
        var headings = doc.Where(l => l.StartsWith("## ", StringComparison.Ordinal)).Select(l => l[3..].Trim()).ToList();

        var page = await client.GetStringAsync("/methodology");

        Assert.NotEmpty(headings);
        Assert.All(headings, h => Assert.Contains(">" + System.Net.WebUtility.HtmlEncode(h).Replace("&#x27;", "'", StringComparison.Ordinal), page.Replace("&#x27;", "'", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Contains($"current default is <strong>{ScoringAlgorithms.Default}</strong>", page, StringComparison.Ordinal);
    }

    private async Task<WebClient> SignUpAsync(string name)
    {
        var client = await fixture.ClientAsync();
        using var response = await client.SubmitAsync("/signup", "signup", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Email"] = $"{name}@example.test", ["Input.Password"] = "Correct-horse-9",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An account ranked <paramref name="rank"/> in the latest run that nobody has claimed.</summary>
    private async Task<Application.Scoring.AccountRef> UnclaimedAccountAsync(int rank)
    {
        var top = await fixture.Store.TopScoresAsync((await fixture.Store.ListRunsAsync(Ct))[^1].Id, rank, Ct);
        var id = top[^1].AccountId;
        Assert.Empty(await fixture.Store.ConsentsAsync([id], Ct));
        return (await fixture.Store.DescribeAccountsAsync([id], Ct))[id];
    }

    [Theory]
    [InlineData("ada@demo.resonance", "/api/v1/me/profile", "ada@demo.resonance")]
    [InlineData("mark@demo.resonance", "{member1}", "member1@demo.resonance")]
    [InlineData("member4@demo.resonance", "{member5}", "member5@demo.resonance")]
    public async Task Profile_ShowsCommunityStanding_AsTheCommunityServicePlacesItForTheViewer(string viewerEmail, string path, string holderEmail)
    {
        using var client = await fixture.ClientAsync(viewerEmail);
        var holder = await fixture.AccountOfAsync(holderEmail);
        var viewerAccount = viewerEmail.StartsWith("mark", StringComparison.Ordinal) ? null : await fixture.AccountOfAsync(viewerEmail);
        var viewerId = viewerAccount is null ? "mark" : (await fixture.Store.ConsentsAsync([viewerAccount.Id], Ct))[viewerAccount.Id].UserId;
        var run = (await fixture.Store.ListRunsAsync(Ct))[^1];
        var score = await fixture.Store.GetScoreAsync(run.Id, holder.Id, Ct);
        var service = new Application.Communities.CommunityService(fixture.Store, fixture.Store, fixture.Store, TopicTaxonomy.BuiltIn);
        Assert.NotNull(score);
        var expected = await service.PlacementAsync(run, score, new Viewer(viewerId, IsMarketer: viewerAccount is null), Ct);

        var profile = await client.JsonAsync(path.StartsWith('{') ? PersonPath(holder, api: true) : path);

        Assert.NotEmpty(await fixture.Store.CommunitiesAsync(run.Id, Ct)); // the fixture's runs find communities
        Assert.NotNull(expected);
        var community = profile.GetProperty("community");
        Assert.Equal(expected.Community.Id, community.GetProperty("id").GetInt32());
        Assert.Equal(expected.Label.Text, community.GetProperty("label").GetString());
        Assert.Equal(expected.Label.Named, community.GetProperty("named").EnumerateArray().Select(n => n.GetString()!));
        Assert.Equal(expected.Community.Size, community.GetProperty("size").GetInt32());
        Assert.Equal(expected.Community.Scored, community.GetProperty("scored").GetInt32());
        Assert.Equal(expected.Standing.Rank, community.GetProperty("rank").GetInt32());
        Assert.Equal(expected.CommunityTopShare, community.GetProperty("topShare").GetDouble());
        Assert.Equal(expected.GlobalTopShare, community.GetProperty("globalTopShare").GetDouble());
        Assert.Equal(expected.Preferred, community.GetProperty("preferred").GetBoolean());
        Assert.Equal(expected.Text, community.GetProperty("standing").GetString());
        Assert.StartsWith($"top {Math.Max(1, (int)Math.Ceiling(100.0 * expected.Standing.Rank / expected.Community.Scored))}% in Community {expected.Community.Id}",
            community.GetProperty("standing").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profile_ShowsAudienceQualityAsTheAuditComputesIt_AndTopTopicsWithTheirEvidence()
    {
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        var member1 = await fixture.AccountOfAsync("member1@demo.resonance");
        var run = (await fixture.Store.ListRunsAsync(Ct))[^1];
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), run.Parameters.AsOfMs) with { Network = run.Parameters.Network, WindowDays = run.Parameters.WindowDays };
        var audit = AccountAudit.Run(await fixture.Store.LoadWindowAsync(p, Ct), p, member1.Id);
        var topics = await new TopicService(fixture.Store, TopicTaxonomy.BuiltIn).AccountAsync(run.Parameters, member1.Id, scored: 0, ct: Ct);

        var profile = await mark.JsonAsync(PersonPath(member1, api: true));

        var audience = profile.GetProperty("audience");
        Assert.NotNull(audit?.Audience);
        Assert.Equal(audit.Audience.Engagers, audience.GetProperty("engagers").GetInt32());
        Assert.Equal(audit.Audience.Authentic, audience.GetProperty("authentic").GetInt32());
        Assert.InRange(audience.GetProperty("share").GetDouble(), audience.GetProperty("low").GetDouble(), audience.GetProperty("high").GetDouble());
        Assert.True(audience.GetProperty("high").GetDouble() - audience.GetProperty("low").GetDouble() > 0.01, "a finite audience has an interval, not a certainty");
        Assert.Matches($@"^About \d+% \(\d+–\d+%\) of the engagement comes from likely-authentic accounts: {audit.Audience.Authentic:N0} of the {audit.Audience.Engagers:N0} accounts",
            audience.GetProperty("text").GetString()!);
        var shown = profile.GetProperty("topics").EnumerateArray().ToList();
        Assert.Equal(topics.Take(5).Select(t => t.Topic.Topic), shown.Select(t => t.GetProperty("topic").GetString()));
        var first = shown[0];
        Assert.Equal(topics[0].Topic.Posts, first.GetProperty("posts").GetInt32());
        Assert.Equal(topics[0].Topic.Engagers, first.GetProperty("engagers").GetInt32());
        Assert.Equal(topics[0].Topic.Engagements, first.GetProperty("engagements").GetDouble(), 9);
        Assert.NotEmpty(first.GetProperty("terms").EnumerateArray());
        Assert.NotEmpty(first.GetProperty("topPosts").EnumerateArray());
    }

    [Fact]
    public async Task HidingATopic_RemovesItFromProfileAndDiscovery_KeepsTheRejection_AndShowingRestoresIt()
    {
        using var member4 = await fixture.ClientAsync("member4@demo.resonance");
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        using var ada = await fixture.ClientAsync("ada@demo.resonance");
        var account = await fixture.AccountOfAsync("member4@demo.resonance");
        var before = await mark.JsonAsync(PersonPath(account, api: true));
        var topic = before.GetProperty("topics")[0].GetProperty("topic").GetString()!;
        var terms = before.GetProperty("topics")[0].GetProperty("terms").EnumerateArray().Select(t => t.GetString()).ToList();
        var foundBefore = await mark.JsonAsync($"/api/v1/discover?topic={topic}&pageSize=200");

        var (byOther, _) = await ada.SendJsonAsync(HttpMethod.Post, "/api/v1/me/topics/hidden", new { topic, account = account.Label });
        var (hid, _) = await member4.SendJsonAsync(HttpMethod.Post, "/api/v1/me/topics/hidden", new { topic });
        var own = await member4.JsonAsync("/api/v1/me/profile");
        var seen = await mark.JsonAsync(PersonPath(account, api: true));
        var found = await mark.JsonAsync($"/api/v1/discover?topic={topic}&pageSize=200");
        var hidden = (await member4.JsonAsync("/api/v1/me/topics/hidden")).GetProperty("items");
        var rejections = await fixture.Store.RejectionSummaryAsync(Ct);
        var export = await member4.JsonAsync("/api/v1/me/export");
        var (shown, _) = await member4.SendJsonAsync(HttpMethod.Delete, $"/api/v1/me/topics/hidden/{topic}", null);
        var after = await mark.JsonAsync(PersonPath(account, api: true));

        static IEnumerable<string?> Topics(JsonElement profile) => profile.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("topic").GetString());
        static IEnumerable<string?> Names(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, byOther); // ada holds no such account: it is refused like an unknown one
        Assert.Equal(HttpStatusCode.NoContent, hid);
        Assert.Contains("member4", Names(foundBefore));
        Assert.DoesNotContain(topic, Topics(own));
        Assert.DoesNotContain(topic, Topics(seen));
        Assert.DoesNotContain("member4", Names(found));
        Assert.Equal(topic, hidden.EnumerateArray().Single().GetProperty("topic").GetString());
        Assert.Equal(terms, hidden.EnumerateArray().Single().GetProperty("terms").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(1, rejections.Single(r => r.Topic == topic).Accounts);
        Assert.Equal(topic, export.GetProperty("hiddenTopics").EnumerateArray().Single().GetProperty("topic").GetString()); // the download holds it too
        Assert.Equal(HttpStatusCode.NoContent, shown);
        Assert.Equal(Topics(before), Topics(after));
    }

    [Fact]
    public async Task HidingATopic_ThatIsNotTheAccounts_IsAValidationProblem()
    {
        using var member2 = await fixture.ClientAsync("member2@demo.resonance");

        var (empty, emptyBody) = await member2.SendJsonAsync(HttpMethod.Post, "/api/v1/me/topics/hidden", new { topic = "" });
        var (unknown, unknownBody) = await member2.SendJsonAsync(HttpMethod.Post, "/api/v1/me/topics/hidden", new { topic = "no-such-topic" });

        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Equal(HttpStatusCode.BadRequest, unknown);
        Assert.Contains("\"topic\"", emptyBody, StringComparison.Ordinal);
        Assert.Contains("no topic 'no-such-topic'", unknownBody, StringComparison.Ordinal);
        Assert.Empty((await member2.JsonAsync("/api/v1/me/topics/hidden")).GetProperty("items").EnumerateArray());
    }

    private async Task<ImportResult> ImportAsync(Post post) =>
        await new ImportService(fixture.Store).RunAsync([new ImportSource("claim-post", [SourceRecord.Of(1, post)], () => 0, 0)], new ImportOptions("test"), null, Ct);
}
