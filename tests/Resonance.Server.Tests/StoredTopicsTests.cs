using Resonance.Application.Communities;
using Resonance.Application.Importing;
using Resonance.Application.Topics;
using Resonance.Domain;
using static Resonance.Server.Tests.ApiTestHelpers;

namespace Resonance.Server.Tests;

/// <summary>A server of its own, since its test imports more data into the runs' window.</summary>
public sealed class StoredTopicsFixture : ServerFixture
{
    public override int People => 150;
}

/// <summary>The web reads the topics stored with the run (profiles, discovery's topic filter, community labels), as the
/// CLI does (docs/topics.md, "Topics are part of a run"), so data imported into the run's window later changes nothing.</summary>
public sealed class StoredTopicsTests(StoredTopicsFixture fixture) : IClassFixture<StoredTopicsFixture>
{
    [Fact]
    public async Task WebTopicsAndLabels_AreTheRunsStoredOnes_AndStayWhenMoreDataArrivesInTheRunsWindow()
    {
        var member1 = await fixture.AccountOfAsync("member1@demo.resonance");
        var run = (await fixture.Store.ListRunsAsync(Ct))[^1];
        var stored = (await fixture.Store.AccountTopicScoresAsync(run.Id, member1.Id, Ct))
            .OrderByDescending(s => s.Counts!.Engagements).ThenByDescending(s => s.Counts!.Posts).ThenBy(s => s.Topic, StringComparer.Ordinal).ToList();
        // A topic that neither it nor its parent is among member1's stored ones: late posts about it leave the run's counts as they were.
        var fresh = TopicTaxonomy.BuiltIn.Topics.First(t => t.Parent is not null && TopicTaxonomy.BuiltIn.WithAncestors(t.Name).All(a => stored.All(s => s.Topic != a))
            && t.Name.All(char.IsAsciiLetterLower)).Name;
        var before = await ReadAsync(member1, fresh);

        // Twelve posts by member1 on a topic it never posted about, each liked by 40 accounts, an hour before the run's as-of.
        var at = DateTimeOffset.FromUnixTimeMilliseconds(run.Parameters.AsOfMs).AddHours(-1);
        var likers = await fixture.Store.DescribeAccountsAsync([.. (await fixture.Store.TopScoresAsync(run.Id, 60, Ct)).Select(s => s.AccountId)
            .Where(id => id != member1.Id).Take(40)], Ct);
        var records = new List<SourceRecord>();
        for (var i = 0; i < 12; i++)
        {
            var post = $"late-{fresh}-{i}";
            records.Add(SourceRecord.Of(records.Count + 1, new Post(member1.Network, post, member1.ExternalId, at, $"A long thread about #{fresh}, part {i}.", [fresh])));
            foreach (var liker in likers.Keys.Order())
            {
                records.Add(SourceRecord.Of(records.Count + 1, new Interaction(member1.Network, at.AddMinutes(5), likers[liker].ExternalId, member1.ExternalId, InteractionKind.Like, post)));
            }
        }
        await new ImportService(fixture.Store).RunAsync([new ImportSource("late", records, () => 0, 0)], new ImportOptions("late"), null, Ct);
        await fixture.RestartAsync(); // nothing cached from before the import
        var after = await ReadAsync(member1, fresh);

        // Recomputing from the data now in the store (what the web did before) would show the new topic and label.
        var recomputed = await new TopicService(fixture.Store, TopicTaxonomy.BuiltIn).AccountAsync(run.Parameters, member1.Id, scored: 0, ct: Ct);
        Assert.Contains(recomputed, t => t.Topic.Topic == fresh && t.Topic.Engagements >= 12 * likers.Count);
        Assert.Equal(string.Join(",", stored.Take(5).Select(t => t.Topic)), before.Topics);
        Assert.True(before.Stored);
        Assert.False(before.Discoverable);
        Assert.Equal(before, after);
        var relabelled = await new CommunityService(fixture.Store, fixture.Store, fixture.Store, TopicTaxonomy.BuiltIn).TopTopicsAsync(run, Ct);
        var kept = await new CommunityService(fixture.Store, fixture.Store, fixture.Store, TopicTaxonomy.BuiltIn, fixture.Store).TopTopicsAsync(run, Ct);
        Assert.NotEqual(kept.OrderBy(k => k.Key).Select(k => string.Join(",", k.Value)), relabelled.OrderBy(k => k.Key).Select(k => string.Join(",", k.Value)));

        // A run saved without topics falls back to recomputing them from the data now in the store, and says so.
        var bare = await new Application.Scoring.ScoringService(fixture.Store).RunAsync(new Application.Scoring.ScoreRequest(run.Algorithm, Topics: false), ct: Ct);
        await fixture.RestartAsync();
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        var profile = await mark.JsonAsync(PersonPath(member1, api: true));
        var page = await mark.GetStringAsync(PersonPath(member1, api: false));
        Assert.False(profile.GetProperty("topicsStored").GetBoolean());
        Assert.StartsWith($"Run {bare.Id} stores no topic scores", profile.GetProperty("topicsNote").GetString(), StringComparison.Ordinal);
        Assert.Contains(profile.GetProperty("topics").EnumerateArray(), t => t.GetProperty("topic").GetString() == fresh);
        Assert.Contains($"Note: Run {bare.Id} stores no topic scores", page, StringComparison.Ordinal);
    }

    /// <summary>What the web shows of member1's topics, the community labels and the discovery filter, as comparable text.</summary>
    private sealed record WebTopics(bool Stored, string Topics, string Engagements, string Labels, bool Discoverable);

    private async Task<WebTopics> ReadAsync(Application.Scoring.AccountRef member1, string fresh)
    {
        using var mark = await fixture.ClientAsync("mark@demo.resonance");
        var profile = await mark.JsonAsync(PersonPath(member1, api: true));
        var topics = profile.GetProperty("topics").EnumerateArray().ToList();
        var labels = (await mark.JsonAsync("/api/v1/discover/communities?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("label").GetString());
        var found = (await mark.JsonAsync($"/api/v1/discover?topic={fresh}&pageSize=200")).GetProperty("items").EnumerateArray()
            .Any(m => m.GetProperty("account").GetString() == member1.Label);
        return new WebTopics(profile.GetProperty("topicsStored").GetBoolean() && profile.GetProperty("topicsNote").ValueKind == System.Text.Json.JsonValueKind.Null,
            string.Join(",", topics.Select(t => t.GetProperty("topic").GetString())),
            string.Join(",", topics.Select(t => t.GetProperty("engagements").GetDouble().ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
            string.Join("|", labels), found);
    }
}
