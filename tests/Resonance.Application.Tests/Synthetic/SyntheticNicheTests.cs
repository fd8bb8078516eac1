using Resonance.Application.Synthetic;
using Resonance.Application.Topics;

namespace Resonance.Application.Tests.Synthetic;

/// <summary>The niches planted experts lead: leaf topics of the bundled taxonomy, written about by a few dozen people.</summary>
public sealed class SyntheticNicheTests
{
    private static readonly TopicExtractor Extractor = new(TopicTaxonomy.BuiltIn);

    private static readonly HashSet<string> NicheNames = [.. SyntheticNiches.All.Select(n => n.Name)];

    [Fact]
    public void EveryNiche_IsALeafOfTheBundledTaxonomy_UnderItsTopic_AndItsVocabularyMeansItAlone()
    {
        var taxonomy = TopicTaxonomy.BuiltIn;
        Assert.Equal(3 * SyntheticVocabulary.Topics.Count, SyntheticNiches.All.Count);
        foreach (var niche in SyntheticNiches.All)
        {
            Assert.Equal(niche.Parent, taxonomy.Find(niche.Name)?.Parent);
            Assert.DoesNotContain(taxonomy.Topics, t => t.Parent == niche.Name);
            foreach (var term in niche.Keywords.Concat(niche.Hashtags.Select(h => "#" + h)))
            {
                var topics = Extractor.Matches(term).Select(m => m.Topic).Where(NicheNames.Contains).Distinct();
                Assert.Equal([niche.Name], topics);
            }
        }
    }

    [Fact]
    public void TopicVocabulary_MeansNoNiche()
    {
        foreach (var topic in SyntheticVocabulary.Topics)
        {
            foreach (var term in topic.Keywords.Concat(topic.Hashtags.Select(h => "#" + h)))
            {
                Assert.DoesNotContain(Extractor.Matches(term), m => NicheNames.Contains(m.Topic));
            }
        }
    }

    /// <remarks>On the default dataset: the experts' posts on their topic are all about their niche, and each niche is
    /// written about by others too (the expert's circle and people elsewhere on the topic), a dozen accounts or more.</remarks>
    [Fact]
    public void DefaultDataset_ExpertsWriteAboutTheirNiche_AmongOthersWhoDoToo()
    {
        var sample = SyntheticSample.Default;
        var nicheAuthors = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var experts = sample.Truth.TopicExperts.ToDictionary(e => e.AccountId);
        foreach (var post in sample.Posts.Where(SyntheticSample.IsOriginal))
        {
            var topics = Extractor.Topics(post);
            foreach (var niche in topics.Where(NicheNames.Contains))
            {
                (nicheAuthors.TryGetValue(niche, out var authors) ? authors : nicheAuthors[niche] = []).Add(post.AuthorId);
                Assert.Contains(SyntheticNiches.All.Single(n => n.Name == niche).Parent, topics);
            }
            if (experts.TryGetValue(post.AuthorId, out var expert) && topics.Contains(expert.Topic))
            {
                Assert.Contains(expert.Niche, topics);
            }
        }
        foreach (var expert in experts.Values)
        {
            Assert.Contains(expert.AccountId, nicheAuthors[expert.Niche]);
            Assert.True(nicheAuthors[expert.Niche].Count >= 12, $"{expert.Niche}: {nicheAuthors[expert.Niche].Count} authors");
        }
        Assert.Equal(experts.Values.Select(e => e.Niche).Order(StringComparer.Ordinal).Distinct(), nicheAuthors.Keys.Order(StringComparer.Ordinal));
    }
}
