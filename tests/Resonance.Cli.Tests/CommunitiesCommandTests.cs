using System.Text.Json;

namespace Resonance.Cli.Tests;

/// <summary><c>communities</c>, <c>top --community</c> and the community line of <c>explain</c>, end to end on a generated
/// community in SQLite.</summary>
public sealed class CommunitiesCommandTests
{
    [Fact]
    public async Task Communities_top_community_and_explain_agree_on_sizes_ranks_and_labels()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--people", "300", "--seed", "11", "--dir", temp.Path, "--no-serve")).ExitCode);
        var db = temp.File("resonance.db");

        var listing = (await CliRun.RunAsync("communities", "--db", db, "--n", "5", "--json")).Json();
        var communities = listing.GetProperty("communities");
        var second = communities[1];
        var top = (await CliRun.RunAsync("top", "--db", db, "--community", "2", "--n", "3", "--json")).Json();
        var leader = top.GetProperty("scores")[0].GetProperty("account").GetString()!;
        var explain = (await CliRun.RunAsync("explain", leader, "--db", db, "--json")).Json().GetProperty("community");
        var text = await CliRun.RunAsync("communities", "--db", db, "--n", "3");
        var best = (await CliRun.RunAsync("top", "--db", db, "--n", "1", "--json")).Json().GetProperty("scores")[0];
        var bestText = await CliRun.RunAsync("explain", best.GetProperty("account").GetString()!, "--db", db);
        var bestJson = (await CliRun.RunAsync("explain", best.GetProperty("account").GetString()!, "--db", db, "--json")).Json().GetProperty("community");
        var leaderText = await CliRun.RunAsync("explain", leader, "--db", db);

        Assert.Equal("leiden@1", listing.GetProperty("method").GetProperty("method").GetString());
        Assert.InRange(communities.GetArrayLength(), 2, 5);
        Assert.True(communities[0].GetProperty("size").GetInt32() >= second.GetProperty("size").GetInt32());
        Assert.StartsWith("Community 2 (", second.GetProperty("label").GetString(), StringComparison.Ordinal); // nobody consented: a neutral label
        Assert.NotEqual(0, second.GetProperty("topics").GetArrayLength()); // the generated posts carry topics
        Assert.Equal(0, second.GetProperty("named").GetArrayLength());
        Assert.Equal([1, 2, 3], top.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("community_rank").GetInt32()));
        Assert.Equal(second.GetProperty("top_members").EnumerateArray().Select(m => m.GetProperty("account").GetString()),
            top.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("account").GetString()));
        Assert.Equal(second.GetProperty("label").GetString(), top.GetProperty("community").GetProperty("label").GetString());
        Assert.Equal(2, explain.GetProperty("id").GetInt32());
        Assert.Equal(1, explain.GetProperty("rank").GetInt32());
        var percent = (int)Math.Ceiling(100.0 / second.GetProperty("scored").GetInt32());
        Assert.StartsWith($"top {percent}% in Community 2 (", explain.GetProperty("standing").GetString(), StringComparison.Ordinal);
        Assert.Equal(1.0 / second.GetProperty("scored").GetInt32(), explain.GetProperty("top_share").GetDouble());
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("Community 1 (", text.Out, StringComparison.Ordinal);
        // The run's best account stands out in the whole run, so explain names its community plainly; the community
        // leader's line is the standing when that is the more meaningful one.
        Assert.False(bestJson.GetProperty("preferred").GetBoolean());
        var bestCommunity = bestJson.GetProperty("id").GetInt32();
        Assert.Contains($"In Community {bestCommunity} (", bestText.Out, StringComparison.Ordinal);
        Assert.Contains(": rank 1 of ", bestText.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Community: Community", bestText.Out, StringComparison.Ordinal);
        Assert.Contains(explain.GetProperty("preferred").GetBoolean() ? $"Standing: top {percent}% in Community 2 (" : "In Community 2 (",
            leaderText.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_without_communities_says_so_and_an_unknown_community_or_a_contradictory_score_is_a_usage_error()
    {
        using var temp = new TempFolder();
        Assert.Equal(0, (await CliRun.RunAsync("demo", "--people", "200", "--seed", "3", "--dir", temp.Path, "--no-serve")).ExitCode);
        var db = temp.File("resonance.db");

        var unknown = await CliRun.RunAsync("top", "--db", db, "--community", "9999");
        var both = await CliRun.RunAsync("top", "--db", db, "--community", "1", "--topic", "jazz");
        var runs = (await CliRun.RunAsync("runs", "--db", db, "--json")).Out;
        var contradictory = await CliRun.RunAsync("score", "--db", db, "--no-communities", "--communities", "infomap");
        Assert.Equal(runs, (await CliRun.RunAsync("runs", "--db", db, "--json")).Out);
        var withoutCommunities = await CliRun.RunAsync("score", "--db", db, "--no-communities");
        var full = await CliRun.RunAsync("score", "--db", db);
        Assert.Equal(0, withoutCommunities.ExitCode);
        // The steps beside the save are timed by the save's wait for them, and the timing line says so.
        Assert.Contains("topics waited ", withoutCommunities.Out, StringComparison.Ordinal);
        Assert.Contains("; topics ran beside the save)", withoutCommunities.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("communities waited", withoutCommunities.Out, StringComparison.Ordinal);
        Assert.Equal(0, full.ExitCode);
        Assert.Contains("communities waited ", full.Out, StringComparison.Ordinal);
        Assert.Contains("; communities and topics ran beside the save)", full.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRun.RunAsync("score", "--db", db, "--no-communities")).ExitCode); // the latest run has none
        var none = (await CliRun.RunAsync("communities", "--db", db, "--json")).Json();
        var noneText = await CliRun.RunAsync("communities", "--db", db);
        var explain = (await CliRun.RunAsync("explain", (await CliRun.RunAsync("top", "--db", db, "--n", "1", "--json")).Json()
            .GetProperty("scores")[0].GetProperty("account").GetString()!, "--db", db, "--json")).Json();

        Assert.Equal(64, unknown.ExitCode);
        Assert.Contains("has no community 9999", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(64, both.ExitCode);
        Assert.Equal(64, contradictory.ExitCode);
        Assert.Contains("cannot be combined", contradictory.Error, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, none.GetProperty("method").ValueKind);
        Assert.Equal(0, none.GetProperty("communities").GetArrayLength());
        Assert.Contains("has no communities", noneText.Out, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, explain.GetProperty("community").ValueKind);
    }
}
