using Resonance.Application.Synthetic;
using Resonance.Domain;

namespace Resonance.Application.Tests.Synthetic;

public sealed class SyntheticNetworkGeneratorTests
{
    private static readonly SyntheticOptions Small = new() { People = 500, Seed = 11 };

    private static SyntheticSample Sample => SyntheticSample.Default;

    [Fact]
    public void Generate_SameOptions_YieldsIdenticalSequences()
    {
        var first = SyntheticNetworkGenerator.Generate(Small).Records.Select(SyntheticSample.Describe).ToList();
        var second = SyntheticNetworkGenerator.Generate(Small with { }).Records.Select(SyntheticSample.Describe).ToList();
        Assert.True(first.Count > 10_000, $"expected a rich dataset, got {first.Count} records");
        Assert.Equal(first, second);
    }

    [Fact]
    public void Records_EnumeratedTwice_YieldsIdenticalSequences()
    {
        var dataset = SyntheticNetworkGenerator.Generate(Small);
        Assert.Equal(dataset.Records.Select(SyntheticSample.Describe), dataset.Records.Select(SyntheticSample.Describe));
    }

    [Fact]
    public void Generate_DifferentSeed_YieldsDifferentAccountsAndActivity()
    {
        var a = SyntheticNetworkGenerator.Generate(Small).Records.Select(SyntheticSample.Describe).ToList();
        var b = SyntheticNetworkGenerator.Generate(Small with { Seed = 12 }).Records.Select(SyntheticSample.Describe).ToList();
        Assert.NotEqual(a.Take(500), b.Take(500)); // handles and names
        Assert.NotEqual(a.Skip(500).Take(1_000), b.Skip(500).Take(1_000));
        Assert.NotEqual(
            SyntheticNetworkGenerator.Generate(Small).Truth.Bots,
            SyntheticNetworkGenerator.Generate(Small with { Seed = 12 }).Truth.Bots);
    }

    [Fact]
    public void Records_DefaultOptions_AccountsFirstThenTimeOrderedWithinWindow()
    {
        var o = Sample.Dataset.Options;
        var end = o.Start.AddDays(o.Days);
        var records = Sample.Records;
        Assert.Equal(o.People, Sample.Accounts.Count);
        Assert.All(records.Take(o.People), r => Assert.NotNull(r.Account));
        Assert.All(records.Skip(o.People), r => Assert.Null(r.Account));
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Line));

        var previous = o.Start;
        foreach (var r in records.Skip(o.People))
        {
            var at = r.Post?.CreatedAt ?? r.Interaction!.OccurredAt!.Value;
            Assert.True(at >= previous, $"record {r.Line} at {at:O} precedes the previous record at {previous:O}");
            Assert.True(at < end, $"record {r.Line} at {at:O} is not before the window end {end:O}");
            previous = at;
        }
        Assert.All(Sample.Accounts, a => Assert.Equal(o.Network, a.Network));
        Assert.Equal(o.People, Sample.Accounts.Select(a => a.Handle).Distinct().Count());
        Assert.All(Sample.Accounts, a => Assert.Matches("^@[a-z0-9_]+$", a.Handle!));
    }

    [Fact]
    public void Records_DefaultOptions_ReferenceOnlyDeclaredAccountsAndEarlierPosts()
    {
        var accounts = Sample.Accounts.Select(a => a.ExternalId).ToHashSet(StringComparer.Ordinal);
        var authors = new Dictionary<string, string>(StringComparer.Ordinal);
        var kinds = new HashSet<InteractionKind>();
        foreach (var r in Sample.Records.Skip(accounts.Count))
        {
            if (r.Post is { } p)
            {
                Assert.Contains(p.AuthorId, accounts);
                foreach (var referenced in new[] { p.ReplyToPostId, p.QuoteOfPostId, p.RepostOfPostId })
                {
                    Assert.True(referenced is null || authors.ContainsKey(referenced), $"post {p.ExternalId} references unknown or later post {referenced}");
                }
                Assert.True(authors.TryAdd(p.ExternalId, p.AuthorId), $"post id {p.ExternalId} is used twice");
                Assert.All(p.Hashtags, tag => Assert.Contains("#" + tag, p.Text!, StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                var i = r.Interaction!;
                kinds.Add(i.Kind);
                Assert.Contains(i.ActorId, accounts);
                Assert.Contains(i.TargetId, accounts);
                Assert.NotEqual(i.ActorId, i.TargetId);
                if (i.Kind is InteractionKind.Follow or InteractionKind.Mention)
                {
                    Assert.Null(i.PostId);
                }
                else
                {
                    Assert.NotNull(i.PostId);
                    Assert.True(authors.TryGetValue(i.PostId, out var author), $"{i.Kind} at line {r.Line} references unknown post {i.PostId}");
                    Assert.Equal(author, i.TargetId);
                }
            }
        }
        // Every kind but unfollow: the generator makes no unfollows (docs/integrity.md, "Follow churn").
        Assert.Equal(InteractionKinds.Weighted.ToHashSet(), kinds);
    }

    [Fact]
    public void Records_DefaultOptions_FollowsMatchTheReportedGraphWithoutDuplicates()
    {
        var follows = Sample.Interactions.Where(i => i.Kind == InteractionKind.Follow).Select(i => (i.ActorId, i.TargetId)).ToList();
        Assert.Equal(Sample.Dataset.FollowEdges, follows.Count);
        Assert.Equal(follows.Count, follows.Distinct().Count());
    }

    [Fact]
    public void Records_RepliesQuotesAndReposts_ComeWithAMatchingPostByTheActor()
    {
        var posts = Sample.Posts.ToDictionary(p => p.ExternalId, StringComparer.Ordinal);
        var derived = Sample.Posts.Where(p => !SyntheticSample.IsOriginal(p))
            .Select(p => (p.AuthorId, Original: p.ReplyToPostId ?? p.QuoteOfPostId ?? p.RepostOfPostId!, p.CreatedAt)).ToHashSet();
        var engagements = Sample.Interactions.Where(i => i.Kind is InteractionKind.Reply or InteractionKind.Quote or InteractionKind.Repost).ToList();
        Assert.NotEmpty(engagements);
        Assert.Equal(derived.Count, engagements.Count);
        Assert.All(engagements, i => Assert.Contains((i.ActorId, i.PostId!, i.OccurredAt!.Value), derived));
        Assert.All(engagements, i => Assert.True(posts[i.PostId!].CreatedAt < i.OccurredAt, "engagement must follow the post"));
    }

    [Fact]
    public void Generate_DefaultOptions_CountsAreRealistic()
    {
        var perKind = Sample.Interactions.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count());
        var originals = Sample.Posts.Count(SyntheticSample.IsOriginal);
        Assert.InRange(originals, 20_000, 80_000);
        Assert.True(perKind[InteractionKind.Like] > perKind[InteractionKind.Repost], "likes outnumber reposts");
        Assert.True(perKind[InteractionKind.Repost] > perKind[InteractionKind.Quote], "reposts outnumber quotes");
        Assert.InRange(perKind[InteractionKind.Follow] / (double)Sample.Accounts.Count, 15, 60);
        Assert.True(perKind[InteractionKind.Mention] > 1_000);
    }

    [Fact]
    public void Communities_DefaultOptions_PartitionHumansWithHeavyTailedSizes()
    {
        var members = Sample.Truth.Communities.SelectMany(c => c.MemberIds).ToList();
        Assert.Equal(members.Count, members.Distinct().Count());
        Assert.Equal(Sample.Humans.Order(StringComparer.Ordinal), members.Order(StringComparer.Ordinal));
        var sizes = Sample.Truth.Communities.Select(c => (double)c.MemberIds.Count).ToList();
        Assert.Equal(Sample.Dataset.Options.ResolvedCommunities, sizes.Count);
        Assert.True(sizes.Max() >= 5 * SyntheticSample.Median(sizes), $"largest {sizes.Max()} vs median {SyntheticSample.Median(sizes)}");
        Assert.All(Sample.Truth.Communities, c => Assert.InRange(c.Topics.Count, 1, 3));
        Assert.Equal(SyntheticVocabulary.Topics.Count, Sample.Truth.Communities.SelectMany(c => c.Topics).Distinct().Count());
    }

    [Fact]
    public void FollowGraph_DefaultOptions_MostlyWithinCommunityAndHeavyTailed()
    {
        var community = Sample.Truth.Communities.SelectMany(c => c.MemberIds.Select(m => (m, c.Id))).ToDictionary(x => x.m, x => x.Id);
        var humanFollows = Sample.Interactions
            .Where(i => i.Kind == InteractionKind.Follow && community.ContainsKey(i.ActorId) && community.ContainsKey(i.TargetId)).ToList();
        var within = humanFollows.Count(i => community[i.ActorId] == community[i.TargetId]) / (double)humanFollows.Count;
        Assert.InRange(within, 0.7, 0.95);
        var followers = Sample.Humans.Select(h => (double)Sample.Followers.GetValueOrDefault(h)).ToList();
        Assert.True(followers.Max() >= 10 * SyntheticSample.Median(followers), $"max {followers.Max()} vs median {SyntheticSample.Median(followers)}");
    }

    [Fact]
    public void Engagement_HumanLikes_GoMostlyToFollowedAccounts()
    {
        var follows = Sample.Interactions.Where(i => i.Kind == InteractionKind.Follow).Select(i => (i.ActorId, i.TargetId)).ToHashSet();
        var planted = Sample.Truth.Bots.Concat(Sample.Truth.PodMembers).Concat(Sample.Truth.FarmAccounts).ToHashSet(StringComparer.Ordinal);
        var likes = Sample.Interactions.Where(i => i.Kind == InteractionKind.Like && !planted.Contains(i.ActorId)).ToList();
        var toFollowed = likes.Count(i => follows.Contains((i.ActorId, i.TargetId))) / (double)likes.Count;
        Assert.InRange(toFollowed, 0.6, 0.98);
    }

    [Fact]
    public void PodMembers_DefaultOptions_EngageMostlyWithEachOtherAndQuickly()
    {
        var pod = Sample.Truth.PodMembers.ToHashSet(StringComparer.Ordinal);
        Assert.Equal(20, pod.Count);
        var postTimes = Sample.Posts.ToDictionary(p => p.ExternalId, p => p.CreatedAt, StringComparer.Ordinal);
        var podEngagement = Sample.Interactions
            .Where(i => pod.Contains(i.ActorId) && i.Kind is not (InteractionKind.Follow or InteractionKind.Mention)).ToList();
        var toPod = podEngagement.Where(i => pod.Contains(i.TargetId)).ToList();
        Assert.True(toPod.Count >= 0.8 * podEngagement.Count, $"{toPod.Count} of {podEngagement.Count} pod engagements stay in the pod");
        var delays = toPod.Select(i => (i.OccurredAt!.Value - postTimes[i.PostId!]).TotalMinutes).ToList();
        Assert.True(SyntheticSample.Median(delays) < 15, $"median pod reaction {SyntheticSample.Median(delays):F1} minutes");

        // Nearly every post by a member is liked by nearly every other member.
        var podPosts = Sample.Posts.Where(p => pod.Contains(p.AuthorId) && SyntheticSample.IsOriginal(p)).Select(p => p.ExternalId).ToHashSet();
        var podLikes = toPod.Count(i => i.Kind == InteractionKind.Like && podPosts.Contains(i.PostId!));
        Assert.True(podLikes >= 0.85 * podPosts.Count * (pod.Count - 1) * 0.9, $"{podLikes} pod likes on {podPosts.Count} posts");
    }

    [Fact]
    public void Bots_DefaultOptions_ActFarMoreThanMedianHumanInBurstsWithNearDuplicateTexts()
    {
        var medianHuman = SyntheticSample.Median(Sample.Humans.Select(h => (double)Sample.OutgoingEngagement.GetValueOrDefault(h)));
        var bots = Sample.Truth.Bots;
        Assert.Equal(40, bots.Count);
        Assert.All(bots, b => Assert.True(Sample.OutgoingEngagement.GetValueOrDefault(b) > 10 * medianHuman,
            $"bot {b} has {Sample.OutgoingEngagement.GetValueOrDefault(b)} outgoing engagements, median human {medianHuman}"));

        // Bursts: the median gap between a bot's consecutive actions is seconds; a human's is hours.
        double MedianGapSeconds(IEnumerable<string> actors)
        {
            var set = actors.ToHashSet(StringComparer.Ordinal);
            return SyntheticSample.Median(Sample.Interactions
                .Where(i => set.Contains(i.ActorId) && i.Kind is InteractionKind.Like or InteractionKind.Repost)
                .GroupBy(i => i.ActorId)
                .SelectMany(g => g.Zip(g.Skip(1), (a, b) => (b.OccurredAt!.Value - a.OccurredAt!.Value).TotalSeconds)));
        }
        var botGap = MedianGapSeconds(bots);
        var humanGap = MedianGapSeconds(Sample.Humans.Except(Sample.Truth.PodMembers));
        Assert.True(botGap * 100 < humanGap, $"bot gap {botGap} s vs human gap {humanGap} s");

        // Near-duplicates: with digits removed, most bot posts repeat another bot post word for word; human posts rarely do.
        static string Skeleton(string text) => new([.. text.Where(c => !char.IsAsciiDigit(c))]);
        double RepeatedShare(IEnumerable<Post> posts)
        {
            var texts = posts.Where(p => p.Text is not null && !p.Text.StartsWith('@')).Select(p => Skeleton(p.Text!)).ToList();
            var counts = texts.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return texts.Count(t => counts[t] > 1) / (double)texts.Count;
        }
        var botSet = bots.ToHashSet(StringComparer.Ordinal);
        var originals = Sample.Posts.Where(SyntheticSample.IsOriginal).ToList();
        Assert.True(RepeatedShare(originals.Where(p => botSet.Contains(p.AuthorId))) > 0.9);
        Assert.True(RepeatedShare(originals.Where(p => Sample.Humans.Contains(p.AuthorId)).Take(3_000)) < 0.3);
    }

    /// <remarks>resonance-synthetic/3 replaces only the engagement on the experts' posts (and thins those posts), and
    /// rewrites some niche dabblers' post texts (same post, author and time): every other record is the one /2 writes, so
    /// what was measured on /2 about bots, pods, farms and communities still describes /3 (docs/topics.md, "Planted topic
    /// experts").</remarks>
    [Fact]
    public void Version3_ChangesOnlyRecordsInvolvingExperts_AndExpertsPostLess()
    {
        var options = new SyntheticOptions { People = 1_000, Seed = 3 };
        var v2 = SyntheticNetworkGenerator.Generate(options with { Version = 2 });
        var v3 = SyntheticNetworkGenerator.Generate(options);
        Assert.Equal(v2.Truth.TopicExperts, v3.Truth.TopicExperts);
        var experts = v3.Truth.TopicExperts.Select(e => e.AccountId).ToHashSet(StringComparer.Ordinal);
        List<SourceRecord> r2 = [.. v2.Records], r3 = [.. v3.Records];
        var expertPosts = r2.Concat(r3).Where(r => r.Post is { } p && experts.Contains(p.AuthorId)).Select(r => r.Post!.ExternalId).ToHashSet(StringComparer.Ordinal);
        bool InvolvesExpert(SourceRecord r) => r.Post is { } p
            ? experts.Contains(p.AuthorId) || expertPosts.Contains(p.ReplyToPostId ?? p.QuoteOfPostId ?? p.RepostOfPostId ?? "")
            : r.Interaction is { } i && (experts.Contains(i.ActorId) || experts.Contains(i.TargetId));
        static string WithoutLine(SourceRecord r) => SyntheticSample.Describe(r).Split(' ', 2)[1];
        var in2 = r2.Select(WithoutLine).ToHashSet(StringComparer.Ordinal);
        var in3 = r3.Select(WithoutLine).ToHashSet(StringComparer.Ordinal);
        var removed = r2.Where(r => !in3.Contains(WithoutLine(r))).ToList();
        var added = r3.Where(r => !in2.Contains(WithoutLine(r))).ToList();
        static string? Slot(SourceRecord r) => r.Post is { } p && SyntheticSample.IsOriginal(p) ? $"{p.ExternalId} {p.AuthorId} {p.CreatedAt:O}" : null;
        var rewritten = removed.Select(Slot).Intersect(added.Select(Slot)).OfType<string>().ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(removed);
        Assert.NotEmpty(added);
        Assert.NotEmpty(rewritten);
        Assert.All(removed.Concat(added), r => Assert.True(InvolvesExpert(r) || rewritten.Contains(Slot(r) ?? ""), SyntheticSample.Describe(r)));
        foreach (var expert in experts)
        {
            int Originals(List<SourceRecord> records) => records.Count(r => r.Post is { } p && p.AuthorId == expert && SyntheticSample.IsOriginal(p));
            Assert.InRange(Originals(r3), 1, 0.7 * Originals(r2)); // 0.12 a day against /2's 0.3–0.8
        }
    }

    [Fact]
    public void HiddenGems_DefaultOptions_HaveSmallAudiencesButHighEngagementOnTheirNiche()
    {
        var gems = Sample.Truth.TopicExperts;
        Assert.Equal(5, gems.Count);
        Assert.Equal(gems.Select(g => g.AccountId), Sample.Truth.HiddenGems);
        var followers = Sample.Humans.Select(h => (double)Sample.Followers.GetValueOrDefault(h)).ToList();
        var engagementPerPost = Sample.Humans.Where(h => Sample.OriginalPosts.ContainsKey(h)).Select(Sample.EngagementPerPost).ToList();
        var p75Followers = SyntheticSample.Quantile(followers, 0.75);
        var medianEngagement = SyntheticSample.Median(engagementPerPost);
        foreach (var gem in gems)
        {
            var f = Sample.Followers.GetValueOrDefault(gem.AccountId);
            Assert.True(f <= p75Followers && f * 10 < followers.Max(), $"{gem.AccountId} has {f} followers (p75 {p75Followers}, max {followers.Max()})");
            Assert.True(Sample.EngagementPerPost(gem.AccountId) >= 3 * medianEngagement,
                $"{gem.AccountId} gets {Sample.EngagementPerPost(gem.AccountId):F1} engagements per post, median {medianEngagement:F1}");
            var community = Sample.Truth.Communities[gem.CommunityId];
            Assert.Contains(gem.AccountId, community.MemberIds);
            Assert.Contains(gem.Topic, community.Topics);

            var niche = SyntheticNiches.All.Single(n => n.Name == gem.Niche);
            Assert.Equal(gem.Topic, niche.Parent);
            var posts = Sample.Posts.Where(p => p.AuthorId == gem.AccountId && SyntheticSample.IsOriginal(p)).ToList();
            var onNiche = posts.Count(p => niche.Keywords.Any(k => p.Text!.Contains(k, StringComparison.Ordinal)));
            Assert.True(onNiche >= 0.75 * posts.Count, $"{gem.AccountId}: {onNiche} of {posts.Count} posts on {gem.Niche}");
        }
    }

    [Fact]
    public void Farm_DefaultOptions_FollowsBackAndInflatesTheHub()
    {
        var farm = Sample.Truth.FarmAccounts.ToHashSet(StringComparer.Ordinal);
        var hub = Sample.Truth.FarmHub!;
        Assert.Equal(50, farm.Count);
        var follows = Sample.Interactions.Where(i => i.Kind == InteractionKind.Follow).Select(i => (i.ActorId, i.TargetId)).ToHashSet();
        var internalEdges = follows.Where(e => farm.Contains(e.ActorId) && farm.Contains(e.TargetId)).ToList();
        Assert.NotEmpty(internalEdges);
        Assert.All(internalEdges, e => Assert.Contains((e.TargetId, e.ActorId), follows));
        Assert.All(farm, f => Assert.Contains((f, hub), follows));

        var followers = Sample.Humans.Where(h => h != hub).Select(h => (double)Sample.Followers.GetValueOrDefault(h)).ToList();
        Assert.True(Sample.Followers[hub] > SyntheticSample.Quantile(followers, 0.99), $"hub has {Sample.Followers[hub]} followers");
        // Inflated: engagement per follower far below that of a typical account.
        var hubRate = Sample.EngagementPerPost(hub) / Sample.Followers[hub];
        var typicalRate = SyntheticSample.Median(Sample.Humans.Where(h => Sample.Followers.GetValueOrDefault(h) > 0 && Sample.OriginalPosts.ContainsKey(h))
            .Select(h => Sample.EngagementPerPost(h) / Sample.Followers[h]));
        Assert.True(hubRate * 3 < typicalRate, $"hub {hubRate:F4} vs typical {typicalRate:F4} engagements per post per follower");
    }

    [Fact]
    public void Truth_DefaultOptions_PlantedGroupsAreDisjointDeclaredAccounts()
    {
        var t = Sample.Truth;
        var ids = Sample.Accounts.Select(a => a.ExternalId).ToHashSet(StringComparer.Ordinal);
        string[] planted = [.. t.Bots, .. t.PodMembers, .. t.FarmAccounts, t.FarmHub!, .. t.HiddenGems];
        Assert.Equal(planted.Length, planted.Distinct().Count());
        Assert.All(planted, id => Assert.Contains(id, ids));
        // Lists are in account order (u0, u1, …), which keeps the JSON stable.
        static int Number(string id) => int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(t.Bots.OrderBy(Number), t.Bots);
        Assert.Equal(t.FarmAccounts.OrderBy(Number), t.FarmAccounts);
        Assert.All(t.Communities, c => Assert.Equal(c.MemberIds.OrderBy(Number), c.MemberIds));
    }

    [Fact]
    public void Generate_MinimalOptions_StillProducesAValidDataset()
    {
        var o = new SyntheticOptions { People = SyntheticOptions.MinPeople, Days = 1, Seed = 3 };
        var sample = new SyntheticSample(o);
        Assert.Equal(100, sample.Accounts.Count);
        Assert.NotEmpty(sample.Posts);
        var end = o.Start.AddDays(1);
        Assert.All(sample.Interactions, i => Assert.InRange(i.OccurredAt!.Value, o.Start, end.AddTicks(-1)));
        Assert.Equal(sample.Dataset.FollowEdges, sample.Interactions.Count(i => i.Kind == InteractionKind.Follow));
    }

    [Fact]
    public void Generate_NoPodFarmOrExperts_PlantsNone()
    {
        var sample = new SyntheticSample(new SyntheticOptions { People = 300, PodSize = 0, FarmSize = 0, Experts = 0, BotFraction = 0, MinBots = 0, Days = 7 });
        Assert.Empty(sample.Truth.PodMembers);
        Assert.Empty(sample.Truth.FarmAccounts);
        Assert.Null(sample.Truth.FarmHub);
        Assert.Empty(sample.Truth.TopicExperts);
        Assert.Empty(sample.Truth.Bots);
        Assert.Equal(300, sample.Truth.Communities.Sum(c => c.MemberIds.Count));
    }
}
