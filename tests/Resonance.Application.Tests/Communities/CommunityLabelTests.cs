using Resonance.Application.Communities;
using Resonance.Application.Members;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Synthetic;
using Resonance.Application.Tests.Topics;
using Resonance.Application.Topics;

namespace Resonance.Application.Tests.Communities;

/// <summary>Labels on the default synthetic dataset (2,000 people, planted communities with known topics): topics from
/// the members' posts, names only of members who consented.</summary>
public sealed class CommunityLabelTests
{
    private static readonly Lazy<(TopicCorpus Corpus, Dictionary<string, long> Ids, CommunityDraft Draft)> Data = new(() =>
    {
        var (corpus, ids) = TopicCorpora.FromRecords(SyntheticSample.Default.Records);
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), corpus.Input.LatestTimeMs!.Value) with { BootstrapReplicates = 4 };
        var computation = ResonanceScorer.Score(EngagementGraph.Build(corpus.Input, p), p, ct: TestContext.Current.CancellationToken);
        return (corpus, ids, CommunityDetection.Detect(computation, CommunityParameters.Default(1), TestContext.Current.CancellationToken));
    });

    private static AccountRef Ref(long id) => new(id, "synthetic", $"u{id}", $"@h{id}");

    [Fact]
    public void Label_NamesTheMostCentralConsentingMembers_AndNeverOneWhoDidNotConsent()
    {
        var d = Data.Value.Draft;
        var largest = d.Members.Where(m => m.Community == 1).OrderByDescending(m => m.Centrality).ThenBy(m => m.AccountId).ToList();
        Assert.True(largest.Count >= 4);
        // The most central member keeps its score private, the second made it visible to signed-in users, the third is
        // visible only to itself by holding it (a claim with Private), the fourth is discoverable.
        var consents = new Dictionary<long, Consent>
        {
            [largest[0].AccountId] = new(largest[0].AccountId, "u-private", "private", Visibility.Private),
            [largest[1].AccountId] = new(largest[1].AccountId, "u-signed", "signed", Visibility.SignedIn),
            [largest[3].AccountId] = new(largest[3].AccountId, "u-disc", "disc", Visibility.Discoverable),
        };
        var names = d.Members.ToDictionary(m => m.AccountId, m => Ref(m.AccountId));

        var central = CommunityLabels.CentralNames(d.Members, consents, names, CommunityLabels.SignedInReader);
        var label = CommunityLabels.Compose(d.Communities[0], ["jazz"], central.GetValueOrDefault(1, []));

        Assert.Equal([Ref(largest[1].AccountId).Label, Ref(largest[3].AccountId).Label], label.Named);
        Assert.DoesNotContain(Ref(largest[0].AccountId).Label, label.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Ref(largest[2].AccountId).Label, label.Text, StringComparison.Ordinal);
        Assert.StartsWith($"Community 1, around {Ref(largest[1].AccountId).Label} and {Ref(largest[3].AccountId).Label} (", label.Text, StringComparison.Ordinal);
        // The private member's own view names them (MaySee lets a holder see themselves); an anonymous viewer sees nobody.
        Assert.Contains(Ref(largest[0].AccountId).Label, CommunityLabels.CentralNames(d.Members, consents, names, new Viewer("u-private"))[1]);
        Assert.Empty(CommunityLabels.CentralNames(d.Members, consents, names, Viewer.Anonymous));
    }

    [Fact]
    public void Label_WithoutConsentingMembers_IsNeutral()
    {
        var d = Data.Value.Draft;
        var c = d.Communities[1];
        var central = CommunityLabels.CentralNames(d.Members, new Dictionary<long, Consent>(), d.Members.ToDictionary(m => m.AccountId, m => Ref(m.AccountId)),
            CommunityLabels.SignedInReader);

        var label = CommunityLabels.Compose(c, ["cooking", "ai"], central.GetValueOrDefault(c.Id, []));
        var bare = CommunityLabels.Compose(c, [], []);

        Assert.Empty(label.Named);
        Assert.Equal($"Community 2 ({c.Size:N0} accounts; top topics cooking, ai)", label.Text);
        Assert.Equal($"Community 2 ({c.Size:N0} accounts)", bare.Text);
    }

    [Fact]
    public void TopTopics_OfEachLargeCommunity_IncludeATopicPlantedInTheCommunitiesItsMembersComeFrom()
    {
        var (corpus, ids, d) = Data.Value;
        var index = new PostTopicIndex(corpus.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn));
        var communityOf = d.Members.ToDictionary(m => m.AccountId, m => m.Community);
        var top = CommunityTopics.Top(corpus, index, TopicTaxonomy.BuiltIn, communityOf);
        var planted = SyntheticSample.Default.Truth.Communities
            .SelectMany(c => c.MemberIds.Where(ids.ContainsKey).Select(m => (Account: ids[m], c.Topics))).ToDictionary(x => x.Account, x => x.Topics);

        var large = d.Communities.Where(c => c.Scored >= 50).ToList();
        Assert.NotEmpty(large);
        foreach (var c in large)
        {
            Assert.True(top.ContainsKey(c.Id), $"community {c.Id} has no topic");
            Assert.InRange(top[c.Id].Count, 1, 3);
            // The planted topics of its members, weighted by how many members carry them: the label's topics are among them.
            var plantedTopics = d.Members.Where(m => m.Community == c.Id && planted.ContainsKey(m.AccountId))
                .SelectMany(m => planted[m.AccountId].SelectMany(TopicTaxonomy.BuiltIn.WithAncestors)).ToHashSet();
            Assert.True(top[c.Id].Any(plantedTopics.Contains), $"community {c.Id}: topics {string.Join(", ", top[c.Id])}, planted {string.Join(", ", plantedTopics)}");
        }
    }
}
