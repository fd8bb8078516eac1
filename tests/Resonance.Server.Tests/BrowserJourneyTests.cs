using System.Text.Json;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

/// <summary>A server of its own for the browser journeys (they sign up, claim and erase).</summary>
public sealed class BrowserFixture : ServerFixture;

/// <summary>Journeys in Debian's Chromium driven by Playwright: sign up, claim, see the score and its explanation,
/// change visibility, export, opt out. Skipped, saying so, where /usr/bin/chromium is not installed (CI installs it).
/// A failing journey leaves a screenshot in the test output folder.</summary>
public sealed class BrowserJourneyTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public Task Member_SignsUpClaimsSeesScoreChangesVisibilityExportsAndOptsOut() => InBrowserAsync(MemberJourneyAsync);

    [Fact]
    public Task Marketer_SearchesExportsAndInvites_AndTheMemberAccepts() => InBrowserAsync(MarketerJourneyAsync);

    [Fact]
    public Task Admin_RunsAScoringJob_AndSeesItFinish() => InBrowserAsync(AdminJourneyAsync);

    [Fact]
    public Task Member_HidesATopicTheyReject_ItIsGoneFromTheirPublicProfile_AndShowsItAgain() => InBrowserAsync(HideTopicJourneyAsync);

    [Fact]
    public Task ApiReference_RendersTheOpenApiDocument() => InBrowserAsync(async (_, page) =>
    {
        await page.GotoAsync("/api-reference/");
        await Assertions.Expect(page.GetByText("Why your score changed between two runs").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
    });

    private async Task InBrowserAsync(Func<IBrowserContext, IPage, Task> journey)
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} is not installed; browser journeys need Debian's chromium (.ci/run installs it).");
        }
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString(), AcceptDownloads = true });
        var page = await context.NewPageAsync();
        try
        {
            await journey(context, page);
        }
        catch
        {
            var shot = Path.Combine(AppContext.BaseDirectory, $"journey-failure-{DateTime.UtcNow:yyyyMMddHHmmssfff}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
            TestContext.Current.SendDiagnosticMessage($"screenshot: {shot}");
            throw;
        }
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Hosting.DemoSignIns.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My influence", Level = 1 })).ToBeVisibleAsync();
    }

    private async Task MarketerJourneyAsync(IBrowserContext context, IPage page)
    {
        await SignInAsync(page, "mark@demo.resonance");
        await page.GetByRole(AriaRole.Link, new() { Name = "Discover" }).ClickAsync();
        await page.GetByLabel("Score from").FillAsync("1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        var rows = page.GetByTestId("discover-results").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await AssertAccessibleAsync(page, "/discover");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export all as CSV" }).ClickAsync());
        var csv = await File.ReadAllLinesAsync(await download.PathAsync(), Ct);
        Assert.Equal(5, csv.Length);
        await page.GetByRole(AriaRole.Link, new() { Name = "Invite member3" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Member", new() { Exact = true })).ToHaveValueAsync("member3");
        await page.GetByLabel("Kind").SelectOptionAsync("collaboration");
        await page.GetByLabel("Message").FillAsync("Would you host our jazz night?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("invitation-sent")).ToContainTextAsync("member3");

        var member = await context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var memberPage = await member.NewPageAsync();
        await SignInAsync(memberPage, "member3@demo.resonance");
        await memberPage.GotoAsync("/me/inbox");
        await Assertions.Expect(memberPage.GetByTestId("inbox")).ToContainTextAsync("Would you host our jazz night?");
        await memberPage.GetByRole(AriaRole.Button, new() { Name = "Accept the invitation from mark" }).ClickAsync();
        await Assertions.Expect(memberPage.GetByTestId("inbox")).ToContainTextAsync("You accepted it.");
        await AssertAccessibleAsync(memberPage, "/me/inbox");
    }

    private async Task HideTopicJourneyAsync(IBrowserContext context, IPage page)
    {
        var account = await fixture.AccountOfAsync("member2@demo.resonance");
        await SignInAsync(page, "member2@demo.resonance");
        await Assertions.Expect(page.GetByTestId("audience-text")).ToContainTextAsync("of the engagement comes from likely-authentic accounts");
        // The community standing, labelled for member2 (who may see the members a label names), beside the global rank.
        var run = (await fixture.Store.ListRunsAsync(Ct))[^1];
        var holder = (await fixture.Store.ConsentsAsync([account.Id], Ct))[account.Id];
        var placement = await new Application.Communities.CommunityService(fixture.Store, fixture.Store, fixture.Store, Application.Topics.TopicTaxonomy.BuiltIn)
            .PlacementAsync(run, (await fixture.Store.GetScoreAsync(run.Id, account.Id, Ct))!, new Application.Members.Viewer(holder.UserId), Ct);
        Assert.NotNull(placement);
        var standing = page.GetByTestId("community-standing");
        await Assertions.Expect(standing).ToContainTextAsync(placement.Text);
        await Assertions.Expect(standing).ToHaveAttributeAsync("data-preferred", placement.Preferred ? "true" : "false");
        var standingFirst = await page.EvaluateAsync<bool>("""
            () => {
              const standing = document.querySelector('[data-testid=community-standing]');
              const rank = [...document.querySelectorAll('.score-card p')].find(p => p.textContent.trim().startsWith('Rank'));
              return !!(standing.compareDocumentPosition(rank) & Node.DOCUMENT_POSITION_FOLLOWING);
            }
            """);
        Assert.Equal(placement.Preferred, standingFirst); // the preferred standing is said first
        var first = page.GetByTestId("topics").GetByTestId("topic").First;
        var topic = (await first.GetAttributeAsync("data-topic"))!;
        await first.GetByRole(AriaRole.Button, new() { Name = $"Hide the topic {topic}" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("topic-status")).ToContainTextAsync($"Hidden: {topic}");
        await Assertions.Expect(page.Locator($"[data-testid=topic][data-topic=\"{topic}\"]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("hidden-topics")).ToContainTextAsync(topic);
        await AssertAccessibleAsync(page, "/me");

        var marketer = await context.Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var markPage = await marketer.NewPageAsync();
        await SignInAsync(markPage, "mark@demo.resonance");
        await markPage.GotoAsync(PersonPath(account, api: false));
        await Assertions.Expect(markPage.GetByTestId("topics")).ToBeVisibleAsync();
        await Assertions.Expect(markPage.Locator($"[data-testid=topic][data-topic=\"{topic}\"]")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(markPage, "/people/{member2}");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Show the topic {topic} again" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("topic-status")).ToContainTextAsync($"Shown again: {topic}");
        await Assertions.Expect(page.Locator($"[data-testid=topic][data-topic=\"{topic}\"]")).ToHaveCountAsync(1);
        await markPage.ReloadAsync();
        await Assertions.Expect(markPage.Locator($"[data-testid=topic][data-topic=\"{topic}\"]")).ToHaveCountAsync(1);
    }

    private async Task AdminJourneyAsync(IBrowserContext context, IPage page)
    {
        var before = (await fixture.Store.ListRunsAsync(Ct)).Count;
        await SignInAsync(page, "admin@demo.resonance");
        await page.GotoAsync("/admin");
        await page.GetByLabel("Algorithm").SelectOptionAsync("resonance@2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start scoring" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("jobs")).ToContainTextAsync("succeeded", new() { Timeout = 120_000 }); // the page refreshes itself while the job runs
        Assert.Equal(before + 1, (await fixture.Store.ListRunsAsync(Ct)).Count);
        await AssertAccessibleAsync(page, "/admin");
    }

    private async Task MemberJourneyAsync(IBrowserContext context, IPage page)
    {
        // Sign up.
        await page.GotoAsync("/signup");
        await page.GetByLabel("Name shown to others").FillAsync("journey");
        await page.GetByLabel("Email").FillAsync("journey@example.test");
        await page.GetByLabel("Password").FillAsync("Journey-pass-7");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My influence", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "/me before claiming");

        // Claim an account; an admin approves it.
        var target = await UnclaimedAsync(50);
        await page.GetByLabel("Account", new() { Exact = true }).FillAsync(target.Label);
        await page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("claim-code")).ToContainTextAsync("resonance-");
        using (var admin = await fixture.ClientAsync("admin@demo.resonance"))
        {
            var pending = await admin.JsonAsync("/api/v1/admin/claims");
            var id = pending.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("account").GetString() == target.Label).GetProperty("id").GetInt64();
            var (status, _) = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/admin/claims/{id}/approve", null);
            Assert.Equal(System.Net.HttpStatusCode.OK, status);
        }

        // The score and its explanation.
        await page.GotoAsync("/me");
        var runs = await fixture.Store.ListRunsAsync(Ct);
        var stored = await fixture.Store.GetScoreAsync(runs[^1].Id, target.Id, Ct);
        Assert.NotNull(stored);
        await Assertions.Expect(page.GetByTestId("score")).ToHaveTextAsync(ScoreTextOf(stored));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Who responds to you" })).ToBeVisibleAsync();
        await page.GetByLabel("From run").SelectOptionAsync(runs[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("to run").SelectOptionAsync(runs[^1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain the change" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("change")).ToContainTextAsync("Algorithm");
        await Assertions.Expect(page.Locator("#history-chart")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "/me with a score");

        // Visibility.
        await page.GotoAsync("/me/privacy");
        await page.GetByLabel("discoverable").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save visibility" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("visibility-saved")).ToContainTextAsync("discoverable");
        await AssertAccessibleAsync(page, "/me/privacy");

        // Export.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download my data (JSON)" }).ClickAsync());
        var file = await download.PathAsync();
        using (var export = JsonDocument.Parse(await File.ReadAllTextAsync(file, Ct)))
        {
            Assert.Equal("journey", export.RootElement.GetProperty("userName").GetString());
            Assert.Equal(target.Label, export.RootElement.GetProperty("accounts")[0].GetProperty("account").GetProperty("label").GetString());
        }

        // Opt out: one step, one confirmation, no reason asked; then the profile is gone.
        await page.GetByRole(AriaRole.Link, new() { Name = "Opt out and erase everything" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, erase everything now" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("erasure-report")).ToContainTextAsync(target.Label);
        await page.GotoAsync("/me");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        Assert.Null(await fixture.Store.FindAccountAsync(target.Network, target.ExternalId, Ct));
    }

    /// <summary>axe-core's WCAG 2 A/AA rules find nothing on the page.</summary>
    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new Deque.AxeCore.Commons.RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] },
        });
        Assert.True(result.Violations.Length == 0,
            $"{what}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes: {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }

    private static string ScoreTextOf(Application.Scoring.AccountScore s) => Application.Scoring.ScoreText.Score(s.Score, s.Low, s.High);

    private async Task<Application.Scoring.AccountRef> UnclaimedAsync(int rank)
    {
        var top = await fixture.Store.TopScoresAsync((await fixture.Store.ListRunsAsync(Ct))[^1].Id, rank, Ct);
        var id = top[^1].AccountId;
        Assert.Empty(await fixture.Store.ConsentsAsync([id], Ct));
        return (await fixture.Store.DescribeAccountsAsync([id], Ct))[id];
    }
}
