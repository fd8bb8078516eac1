using System.Text.Json;
using Resonance.Storage;
using Resonance.Storage.Members;
using Resonance.Tests.Shared;

namespace Resonance.Cli.Tests;

/// <summary><c>link</c>, <c>unlink</c>, <c>person</c>, and <c>explain</c>/<c>diff</c> of a person, on the real Twitter
/// archive and Bluesky CAR samples scored network by network in a SQLite file.</summary>
[Trait("Category", "Slow")]
public sealed class PersonCommandTests
{
    private const string TwitterOwner = "twitter:@andreruffert";
    private const string BlueskyOwner = "bluesky:did:plc:cmpvykrzb2l22kj4ojlv3ox4";

    /// <summary>Imports both samples and scores each network alone: run 1 is twitter, run 2 bluesky.</summary>
    private static async Task<string> TwoNetworksAsync(TempFolder temp, string? algorithm = null)
    {
        string[] version = algorithm is null ? [] : ["--algorithm", algorithm];
        var db = temp.File("people.db");
        var archive = Path.GetDirectoryName(Path.GetDirectoryName(SharedData.File("twitter-archive-sample/data/tweets.js")))!;
        Assert.Equal(0, (await CliRun.RunAsync("import", archive, "--format", "twitter-archive", "--db", db)).ExitCode);
        Assert.Equal(0, (await CliRun.RunAsync("import", SharedData.File("bluesky-atproto-samples/repo-car/paul_staging.repo.car"), "--format", "bluesky", "--db", db)).ExitCode);
        Assert.Equal(1, Json(await CliRun.RunAsync(["score", "--network", "twitter", "--json", "--db", db, .. version])).GetProperty("id").GetInt64());
        Assert.Equal(2, Json(await CliRun.RunAsync(["score", "--network", "bluesky", "--json", "--db", db, .. version])).GetProperty("id").GetInt64());
        foreach (var name in new[] { "pat", "eve" })
        {
            await using var store = ResonanceStores.Open(DatabaseLocation.Parse(db));
            await using var context = store.CreateContext();
            context.Users.Add(new MemberUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = $"{name}@example.org", NormalizedEmail = $"{name.ToUpperInvariant()}@EXAMPLE.ORG" });
            await context.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        return db;
    }

    private static JsonElement Json(CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        return JsonDocument.Parse(run.Out).RootElement;
    }

    private static double Combined(JsonElement person) => person.GetProperty("combined").GetProperty("score").GetDouble();

    [Fact]
    public async Task TwitterArchiveAndBlueskyCar_OnePerson_ExplanationNamesBothSources()
    {
        using var temp = new TempFolder();
        var db = await TwoNetworksAsync(temp);

        var linkTwitter = await CliRun.RunAsync("link", "pat@example.org", TwitterOwner, "--db", db);
        var linkBluesky = await CliRun.RunAsync("link", "pat", BlueskyOwner, "--db", db);
        var explain = await CliRun.RunAsync("explain", "pat", "--db", db);
        var json = Json(await CliRun.RunAsync("explain", "pat", "--json", "--db", db));

        Assert.Equal((0, 0), (linkTwitter.ExitCode, linkBluesky.ExitCode));
        Assert.Contains($"Linked {TwitterOwner} to pat (pat@example.org)", linkTwitter.Out, StringComparison.Ordinal);
        Assert.Equal(0, explain.ExitCode);
        foreach (var expected in new[] { TwitterOwner, BlueskyOwner, "Top contributions on twitter (run 1)", "not scored: nobody engaged in the window" })
        {
            Assert.Contains(expected, explain.Out, StringComparison.Ordinal);
        }

        var networks = json.GetProperty("networks").EnumerateArray().ToList();
        Assert.Equal(["bluesky", "twitter"], networks.Select(n => n.GetProperty("network").GetString()));
        Assert.Equal([2L, 1L], networks.Select(n => n.GetProperty("run").GetInt64()));
        Assert.All(networks.Where(n => n.GetProperty("scored").GetBoolean()), n => Assert.True(Combined(json) >= n.GetProperty("score").GetDouble()));
        var twitter = networks[1];
        Assert.Equal(twitter.GetProperty("accounts")[0].GetProperty("score").GetDouble(), twitter.GetProperty("score").GetDouble());
        Assert.Equal(TwitterOwner, twitter.GetProperty("top")[0].GetProperty("account").GetString());
        Assert.StartsWith("twitter:", twitter.GetProperty("top")[0].GetProperty("engager").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondNetwork_NeverLowersTheCombinedScore_UnlinkGivesItBack_AndMistakesExitWithCodes()
    {
        using var temp = new TempFolder();
        var db = await TwoNetworksAsync(temp);
        var twitterScores = Json(await CliRun.RunAsync("top", "--run", "1", "--n", "1000", "--json", "--db", db)).GetProperty("scores");
        var twitter = twitterScores[twitterScores.GetArrayLength() / 3];
        var bluesky = Json(await CliRun.RunAsync("top", "--run", "2", "--n", "10", "--json", "--db", db)).GetProperty("scores")[3];
        var (t, b) = (twitter.GetProperty("s").GetProperty("score").GetDouble(), bluesky.GetProperty("s").GetProperty("score").GetDouble());
        var (twitterName, blueskyName) = (twitter.GetProperty("account").GetString()!, bluesky.GetProperty("account").GetString()!);

        var linked = Json(await CliRun.RunAsync("link", "pat", twitterName, "--json", "--db", db));
        var one = Json(await CliRun.RunAsync("person", "pat", "--json", "--db", db));
        Assert.Equal(0, (await CliRun.RunAsync("link", "pat", blueskyName, "--db", db)).ExitCode);
        var two = Json(await CliRun.RunAsync("person", "pat", "--json", "--db", db));
        var diff = Json(await CliRun.RunAsync("diff", "pat", "--from", "1", "--to", "2", "--json", "--db", db));
        Assert.Equal(0, (await CliRun.RunAsync("unlink", "pat", blueskyName, "--db", db)).ExitCode);
        var back = Json(await CliRun.RunAsync("person", "pat", "--json", "--db", db));

        Assert.Equal(("verified", "admin_approval", false), (linked.GetProperty("status").GetString(), linked.GetProperty("proof").GetString(), linked.GetProperty("already_linked").GetBoolean()));
        Assert.Equal(t, Combined(one));
        Assert.InRange(Combined(two), Math.Max(t, b), 100);
        Assert.Equal(100 - ((100 - Math.Max(t, b)) * (1 - (0.5 * Math.Min(t, b) / 100))), Combined(two), 9);
        Assert.Equal(Combined(two), two.GetProperty("networks").EnumerateArray().Sum(n => n.GetProperty("contribution").GetDouble()), 9);
        Assert.Equal(Combined(one), Combined(back));
        // As of run 1 only twitter had a run; as of run 2 bluesky joins: its contribution is the whole change.
        var change = diff.GetProperty("networks").EnumerateArray().ToDictionary(n => n.GetProperty("network").GetString()!, n => n.GetProperty("contribution_change").GetDouble());
        Assert.Equal(Combined(two) - t, diff.GetProperty("total").GetDouble(), 9);
        Assert.Equal(diff.GetProperty("total").GetDouble(), change["bluesky"] + change["twitter"], 9);
        Assert.True(change["bluesky"] > 0);

        var taken = await CliRun.RunAsync("link", "eve", twitterName, "--db", db);
        var notLinked = await CliRun.RunAsync("unlink", "pat", blueskyName, "--db", db);
        var noMember = await CliRun.RunAsync("person", "nobody", "--db", db);
        var noAccount = await CliRun.RunAsync("link", "pat", "twitter:@nobody-here", "--db", db);
        var noRun = await CliRun.RunAsync("explain", "pat", "--run", "9", "--db", db);
        Assert.Equal(ExitCodes.DataError, taken.ExitCode);
        Assert.Contains($"{twitterName} is already linked to another member (pat)", taken.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, notLinked.ExitCode);
        Assert.Contains("is not linked to pat", notLinked.Error, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Usage, ExitCodes.Usage, ExitCodes.Usage), (noMember.ExitCode, noAccount.ExitCode, noRun.ExitCode));
        Assert.Contains("no member 'nobody'", noMember.Error, StringComparison.Ordinal);
        Assert.Contains("no run 9", noRun.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_ANetworkRescored_NamesTheNetworkAndItsEngagers()
    {
        using var temp = new TempFolder();
        // resonance@1: the owner's engagers are untimed follows, whose contributions only PageRank standing moves between
        // windows; under the default (resonance@7, as @6) they stay the same, so no engager would be named.
        var db = await TwoNetworksAsync(temp, "resonance@1");
        Json(await CliRun.RunAsync("score", "--network", "twitter", "--as-of", "2022-10-01", "--json", "--db", db, "--algorithm", "resonance@1"));
        Assert.Equal(0, (await CliRun.RunAsync("link", "pat", TwitterOwner, "--db", db)).ExitCode);

        var text = await CliRun.RunAsync("diff", "pat", "--from", "2", "--to", "3", "--db", db);
        var json = Json(await CliRun.RunAsync("diff", "pat", "--from", "2", "--to", "3", "--json", "--db", db));

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("twitter: run 1 → 3", text.Out, StringComparison.Ordinal);
        var twitter = json.GetProperty("networks").EnumerateArray().Single();
        Assert.Equal((1, 3), (twitter.GetProperty("run_before").GetInt64(), twitter.GetProperty("run_after").GetInt64()));
        var engagers = twitter.GetProperty("engagers").EnumerateArray().ToList();
        Assert.NotEmpty(engagers);
        Assert.All(engagers, e => Assert.Equal(TwitterOwner, e.GetProperty("account").GetString()));
        Assert.Contains($"      {engagers[0].GetProperty("engager").GetString()} {engagers[0].GetProperty("status").GetString()} ", text.Out, StringComparison.Ordinal);
        Assert.Equal(json.GetProperty("total").GetDouble(), twitter.GetProperty("contribution_change").GetDouble(), 9);
    }
}
