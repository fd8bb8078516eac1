using Resonance.Application.Communities;
using Resonance.Application.Importing;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Domain;
using Resonance.Ingest;
using Resonance.Storage.Members;
using Resonance.Tests.Shared;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>Communities saved with a run and read back, on both providers, on email-Eu-core (1,005 people, 25,571 emails
/// imported as replies).</summary>
public sealed class CommunityStorageTests
{
    private static async Task<(TestDatabase Db, RelationalResonanceStore Store)> EmailAsync(string provider)
    {
        var (db, store) = await TestDatabase.CreateMigratedAsync(provider);
        var path = SharedData.File("email-Eu-core/email-Eu-core.txt");
        await new ImportService(store).RunAsync([Sources.File(path, "edgelist", new ReaderOptions("email", InteractionKind.Reply))], new ImportOptions("edgelist"),
            ct: TestContext.Current.CancellationToken);
        return (db, store);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Run_WithCommunities_SavesThemReproducibly_AndLeavesEveryScoreAsWithout(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, store) = await EmailAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var service = new ScoringService(store);
        var request = new ScoreRequest(ScoringAlgorithms.Default, Seed: 5);

        var reports = new List<(string Phase, double Done)>();
        var with = await service.RunAsync(request, new Reports(reports), ct: ct);
        var again = await service.RunAsync(request with { DegreeOfParallelism = 1 }, ct: ct);
        var without = await service.RunAsync(request with { Communities = false }, ct: ct);

        Assert.Equal(await store.AllScoresAsync(with.Id, ct), await store.AllScoresAsync(without.Id, ct));
        // The community step runs beside the save and is done, and timed, by the time the run is saved.
        Assert.Contains(("communities", 1.0), reports);
        Assert.True(reports.IndexOf(("communities", 0)) < reports.IndexOf(("save", 0)));
        Assert.Equal(["load", "graph", "score", "communities", "topics", "save"], with.Timings.Select(t => t.Key));
        Assert.DoesNotContain(without.Timings, t => t.Key == "communities");
        Assert.Equal(CommunityParameters.Default(5), (await store.GetRunAsync(with.Id, ct))!.Parameters.Communities);
        Assert.Null((await store.GetRunAsync(without.Id, ct))!.Parameters.Communities);
        Assert.Empty(await store.CommunitiesAsync(without.Id, ct));
        Assert.Empty(await store.AllCommunityStandingsAsync(without.Id, ct));

        var communities = await store.CommunitiesAsync(with.Id, ct);
        var standings = await store.AllCommunityStandingsAsync(with.Id, ct);
        Assert.Equal(communities, await store.CommunitiesAsync(again.Id, ct));
        Assert.Equal(standings, await store.AllCommunityStandingsAsync(again.Id, ct));
        Assert.Equal(with.AccountsScored, standings.Count);
        Assert.Equal(with.AccountsScored, communities.Sum(c => c.Scored));
        Assert.InRange(communities.Count, 5, 200);
        Assert.Equal(standings.Where(s => s.Community == 2).OrderBy(s => s.Rank).Take(5).ToList(), await store.CommunityMembersAsync(with.Id, 2, 5, ct));
        var some = standings.Where((_, i) => i % 50 == 0).ToList();
        Assert.Equal(some, await store.CommunityStandingsAsync(with.Id, [.. some.Select(s => s.AccountId)], ct));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Labels_NameOnlyMembersVisibleToSignedInUsers_AndARunWithoutCommunitiesReadsFine(string provider)
    {
        var ct = TestContext.Current.CancellationToken;
        var (db, store) = await EmailAsync(provider);
        await using var _ = db;
        await using var __ = store;
        var old = await new ScoringService(store).RunAsync(new ScoreRequest(ScoringAlgorithms.Default, Communities: false), ct: ct);
        var run = await new ScoringService(store).RunAsync(new ScoreRequest(ScoringAlgorithms.Default), ct: ct);
        var central = (await store.AllCommunityStandingsAsync(run.Id, ct)).Where(s => s.Community == 1)
            .OrderByDescending(s => s.Centrality).ThenBy(s => s.AccountId).Take(3).ToList();
        // The most central member stays private, the second is visible to signed-in users, the third never claimed.
        var names = await store.DescribeAccountsAsync([.. central.Select(s => s.AccountId)], ct);
        await ClaimAsync(store, "private-member", names[central[0].AccountId], Visibility.Private);
        await ClaimAsync(store, "visible-member", names[central[1].AccountId], Visibility.SignedIn);
        var service = new CommunityService(store, store, store, Application.Topics.TopicTaxonomy.BuiltIn);

        var listed = await service.ListAsync((await store.GetRunAsync(run.Id, ct))!, 3, 3, CommunityLabels.SignedInReader, ct);
        var label = listed[0].Label;

        Assert.Equal([names[central[1].AccountId].Label], label.Named);
        Assert.DoesNotContain(names[central[0].AccountId].Label + " ", label.Text + " ", StringComparison.Ordinal);
        Assert.DoesNotContain(names[central[2].AccountId].Label + " ", label.Text + " ", StringComparison.Ordinal);
        Assert.Empty(label.Topics); // email-Eu-core has no posts: no topics in the label
        Assert.Equal(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Community 1, around {names[central[1].AccountId].Label} ({listed[0].Community.Size:N0} accounts)"), label.Text);
        Assert.All(listed.Skip(1), v => Assert.Empty(v.Label.Named));
        Assert.Equal(3, listed[1].TopMembers.Count);

        var oldRun = (await store.GetRunAsync(old.Id, ct))!;
        Assert.Empty(await service.ListAsync(oldRun, 10, 3, CommunityLabels.SignedInReader, ct));
        Assert.Null(await service.PlacementAsync(oldRun, (await store.TopScoresAsync(old.Id, 1, ct))[0], CommunityLabels.SignedInReader, ct));
        await Assert.ThrowsAsync<ArgumentException>(() => service.GetAsync(oldRun, 1, 3, CommunityLabels.SignedInReader, ct));
    }

    private static async Task ClaimAsync(RelationalResonanceStore store, string name, AccountRef account, Visibility visibility)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var context = store.CreateContext();
        var user = new MemberUser
        {
            UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = $"{name}@example.test",
            NormalizedEmail = $"{name}@example.test".ToUpperInvariant(), SecurityStamp = Guid.NewGuid().ToString(),
        };
        context.Users.Add(user);
        await context.SaveChangesAsync(ct);
        var claim = await store.ClaimAsync(user.Id, account, ct);
        await store.DecideClaimAsync(claim.Id, approve: true, ct);
        await store.SetVisibilityAsync(user.Id, visibility, ct);
    }

    /// <summary>Keeps every report, in the order they arrive, from any thread.</summary>
    private sealed class Reports(List<(string Phase, double Done)> reports) : IProgress<(string Phase, double Done)>
    {
        public void Report((string Phase, double Done) value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
