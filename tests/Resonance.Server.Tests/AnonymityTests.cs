using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Resonance.Application.Members;
using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

/// <summary>People who have not consented never appear by name in any page or API response that lists people, for any
/// viewer: their handles and display names are searched for in every body.</summary>
public sealed class AnonymityTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private static readonly string[] Paths =
    [
        "/", "/me", "/me?from=1&to=2", "/me?from=2&to=3", "/people", "/people/{ada}", "/people/{member1}", "/methodology",
        "/api/v1/me", "/api/v1/me/profile", "/api/v1/me/change?from=1&to=2", "/api/v1/me/change?from=2&to=3", "/api/v1/me/export",
        "/api/v1/people", "/api/v1/people/{ada}", "/api/v1/people/{member1}", "/api/v1/stats", "/api/v1/runs",
        "/api/v1/me/topics/hidden", "/discover", "/discover?topic=music&minAudienceQuality=10", "/api/v1/discover?topic=music",
        "/api/v1/discover.csv?minAudienceQuality=10", "/api/v1/discover/communities", "/discover?community=1", "/discover?community=2",
        "/api/v1/discover?community=1", "/api/v1/discover.csv?community=2", "/people/{member4}", "/api/v1/people/{member4}",
    ];

    [Theory]
    [InlineData(null)]
    [InlineData("ada@demo.resonance")]
    [InlineData("member4@demo.resonance")]
    [InlineData("mark@demo.resonance")]
    [InlineData("admin@demo.resonance")]
    public async Task NoPageOrEndpoint_NamesAnyoneTheViewerMayNotSee(string? email)
    {
        using var client = await fixture.ClientAsync(email);
        var viewer = email is null ? Viewer.Anonymous : new Viewer(await UserIdAsync(email));
        var accounts = await AllAccountsAsync();
        var consents = await fixture.Store.ConsentsAsync([.. accounts.Select(a => a.Id)], Ct);
        var hidden = accounts.Where(a => !viewer.MaySee(consents.GetValueOrDefault(a.Id))).ToList();
        var visibleCount = accounts.Count - hidden.Count;
        var names = new Regex(string.Join("|", hidden.SelectMany(a => new[] { Regex.Escape(a.Handle) + "(?![A-Za-z0-9_])", Regex.Escape(a.DisplayName) })));

        var checkedBodies = 0;
        var communityLabels = 0;
        foreach (var path in Paths)
        {
            using var response = await client.GetAsync(await ResolveAsync(path));
            if (!response.IsSuccessStatusCode)
            {
                continue; // not allowed for this viewer: the matrix test checks the status itself
            }
            var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
            if (path == "/api/v1/me/export")
            {
                body = WithoutOwnPostTexts(body); // the member's own words may mention anyone; everything else is checked
            }
            communityLabels += Regex.Count(body, @"Community \d+(, around [^(]+)? \([\d,]+ accounts");
            var leak = names.Match(body);
            Assert.False(leak.Success, $"{path} shows '{leak.Value}' to {email ?? "an anonymous visitor"}");
            checkedBodies++;
        }

        Assert.True(hidden.Count > 300, "the check must cover the many accounts nobody claimed");
        Assert.True(checkedBodies >= 4);
        Assert.True(email is null || communityLabels > 0, "community labels (standing, discovery's filter) were among the bodies checked");
        Assert.True(email is null ? visibleCount == 0 : visibleCount > 0);
    }

    [Fact]
    public async Task CommunityLabels_NameConsentingMembersToAMarketer_SoTheScanCanFail()
    {
        // The scan above can only fail if labels name anyone at all: for a marketer, the discoverable top members are named
        // in the labels of their communities, while an anonymous reader of the same community gets no name.
        using var mark = await fixture.ClientAsync("mark@demo.resonance");

        var options = (await mark.JsonAsync("/api/v1/discover/communities?pageSize=200")).GetProperty("items").EnumerateArray().ToList();

        Assert.NotEmpty(options);
        Assert.Contains(options, o => o.GetProperty("label").GetString()!.Contains(", around ", StringComparison.Ordinal));
        Assert.Equal(options.Select(o => o.GetProperty("id").GetInt32()).Order(), options.Select(o => o.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task ListsStillAccountForEveryone_AsCountsPerNetwork()
    {
        using var ada = await fixture.ClientAsync("ada@demo.resonance");

        var profile = await ada.JsonAsync("/api/v1/me/profile");

        var engagers = profile.GetProperty("engagers");
        var anonymous = engagers.GetProperty("anonymous").EnumerateArray().ToList();
        Assert.NotEmpty(anonymous);
        Assert.All(anonymous, g => Assert.Equal("synthetic", g.GetProperty("network").GetString()));
        Assert.Matches(@"^\d+ accounts? on synthetic$", anonymous[0].GetProperty("label").GetString()!);
        var shares = engagers.GetProperty("named").EnumerateArray().Sum(p => p.GetProperty("share").GetDouble()) + anonymous.Sum(g => g.GetProperty("share").GetDouble());
        Assert.InRange(shares, 50, 100); // the engagers' shares of the raw score; the rest is the prior, owed to nobody
    }

    [Fact]
    public async Task TopicEvidence_ListsOnlyTheHoldersOwnPosts_AndCountsEngagersWithoutNamingThem()
    {
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        var member1 = await fixture.AccountOfAsync("member1@demo.resonance");

        var profile = await mark.JsonAsync(PersonPath(member1, api: true));
        var topics = profile.GetProperty("topics").EnumerateArray().ToList();
        var posts = topics.SelectMany(t => t.GetProperty("topPosts").EnumerateArray().Select(p => p.GetProperty("post").GetString()!)).Distinct().ToList();

        Assert.NotEmpty(topics);
        Assert.NotEmpty(posts);
        Assert.All(posts, p => Assert.Equal(member1.Id, AuthorOf(p)));
        Assert.All(topics, t => Assert.Equal(
            ["engagements", "engagers", "posts", "terms", "topPosts", "topic"],
            t.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)));
        Assert.All(topics, t => Assert.Equal(JsonValueKind.Number, t.GetProperty("engagers").ValueKind)); // a count, never a list of people
    }

    private long AuthorOf(string postId)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT author_id FROM posts WHERE external_id = $p";
        command.Parameters.AddWithValue("$p", postId);
        return (long)command.ExecuteScalar()!;
    }

    private static string WithoutOwnPostTexts(string exportJson)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(exportJson)!;
        foreach (var account in root["accounts"]!.AsArray())
        {
            foreach (var post in account!["posts"]!.AsArray())
            {
                post!.AsObject().Remove("text");
            }
        }
        return root.ToJsonString();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id FROM AspNetUsers WHERE Email = $e";
        command.Parameters.AddWithValue("$e", email);
        return (string)(await command.ExecuteScalarAsync(Ct))!;
    }

    private async Task<List<(long Id, string Handle, string DisplayName)>> AllAccountsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={fixture.DatabasePath}");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, handle, display_name FROM accounts";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var result = new List<(long, string, string)>();
        while (await reader.ReadAsync(Ct))
        {
            result.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }
        return result;
    }

    private async Task<string> ResolveAsync(string path)
    {
        foreach (var name in new[] { "ada", "member1", "member4" })
        {
            if (path.Contains("{" + name + "}", StringComparison.Ordinal))
            {
                var account = await fixture.AccountOfAsync($"{name}@demo.resonance");
                return path.Replace("/people/{" + name + "}", PersonPath(account, api: false), StringComparison.Ordinal);
            }
        }
        return path;
    }
}
