using Resonance.Application.Scoring;
using Resonance.Application.Tests.Synthetic;
using Resonance.Application.Topics;

namespace Resonance.Application.Tests.Topics;

/// <summary>Topic-sensitive influence on the default synthetic dataset, whose planted topic experts (hidden gems) are known.</summary>
public class TopicScoringTests(ITestOutputHelper output)
{
    private static readonly Lazy<SyntheticSample> Sample = new(() => SyntheticSample.Default);

    private static readonly Lazy<(TopicCorpus Corpus, Dictionary<string, long> Ids, PostTopicIndex Index, ScoringParameters P)> Data = new(() =>
    {
        var (corpus, ids) = TopicCorpora.FromRecords(Sample.Value.Records);
        var p = ScoringAlgorithms.Defaults(ScoringAlgorithms.Default, corpus.Input.LatestTimeMs!.Value) with { BootstrapReplicates = 50 };
        return (corpus, ids, new PostTopicIndex(corpus.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn)), p);
    });

    /// <remarks>The bar is <see cref="PlantedExpertRank.MeetsTheBar"/>: top 5 of the expert's niche (a leaf topic under its
    /// topic), outside the overall top tenth. Here under topic-filtered@1 with the default algorithm; <see cref="TopicShareScoringTests"/> checks it under the defaults, <see cref="PlantedExpertsAtScaleTests"/> at 8,000 people.</remarks>
    [Fact]
    public void PlantedExperts_RankInTheTopFiveOfTheirNiche_ButLowOverall()
    {
        var (corpus, ids, index, p) = Data.Value;
        var overall = ScoringPipeline.Score(corpus.Input, p, ct: TestContext.Current.CancellationToken);
        var overallRanks = RunDrafts.Create(ScoringService.Header(overall, corpus.Input, DateTimeOffset.UnixEpoch, []), overall).Scores
            .ToDictionary(s => s.AccountId, s => s.Rank);
        var experts = Sample.Value.Truth.TopicExperts;
        Assert.NotEmpty(experts);
        var failures = TopicCorpora.ExpertsOffTheBar(experts, ids,
            topic => TopicScoring.Score(corpus, index, topic, p, intervals: false, ct: TestContext.Current.CancellationToken).Scores, overallRanks, output);

        Assert.Empty(failures);
    }

    [Fact]
    public void TopicScore_KeepsOnlyEngagementOnPostsAboutTheTopic_WithIntervalsAndContributions()
    {
        var (corpus, ids, index, p) = Data.Value;
        var expert = Sample.Value.Truth.TopicExperts[0];
        var id = ids[expert.AccountId];

        var input = TopicScoring.Filter(corpus, index, expert.Topic);
        var draft = TopicScoring.Score(corpus, index, expert.Topic, p, ct: TestContext.Current.CancellationToken);

        Assert.InRange(input.InteractionCount, 1, corpus.Input.InteractionCount - 1);
        var onTopic = Enumerable.Range(0, corpus.Input.InteractionCount).Count(i => corpus.InteractionPostIds[i] is { } post
            && index.IsAbout(post, expert.Topic));
        Assert.Equal(onTopic, input.InteractionCount);
        var score = draft.Scores.Single(s => s.AccountId == id);
        Assert.InRange(score.Score, score.Low, score.High);
        Assert.True(score.High > score.Low, "the bootstrap gives a real interval");
        var contributions = draft.Contributions.Where(c => c.AccountId == id).ToList();
        Assert.NotEmpty(contributions);
        Assert.Equal(score.Raw, score.Base + contributions.Sum(c => c.Total), 6);
    }

    [Fact]
    public void TopicScore_SameCorpusInAnotherOrder_GivesBitIdenticalScores()
    {
        var (corpus, _, index, p) = Data.Value;
        var topic = Sample.Value.Truth.TopicExperts[0].Topic;
        var reversed = TopicCorpora.Reversed(corpus);

        var one = TopicScoring.Score(corpus, index, topic, p, intervals: false, ct: TestContext.Current.CancellationToken);
        var other = TopicScoring.Score(reversed, new PostTopicIndex(reversed.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn)), topic, p, intervals: false,
            degreeOfParallelism: 1, ct: TestContext.Current.CancellationToken);

        Assert.Equal(one.Scores, other.Scores);
    }

    [Fact]
    public void AccountTopics_ExpertsTopTopicIsTheirPlantedNiche_WithEvidence()
    {
        var (corpus, ids, index, _) = Data.Value;
        foreach (var expert in Sample.Value.Truth.TopicExperts)
        {
            var topics = AccountTopics.For(corpus, index, ids[expert.AccountId]);

            // Only the planted niche's ancestors (which include its posts: its topic among them) may come before it.
            var ancestors = TopicTaxonomy.BuiltIn.WithAncestors(expert.Niche).ToList();
            Assert.Contains(expert.Topic, ancestors);
            var planted = topics.Select((t, i) => (t, i)).First(x => !ancestors.Skip(1).Contains(x.t.Topic));
            Assert.Equal(expert.Niche, planted.t.Topic);
            var top = planted.t;
            Assert.True(top.Posts > 0 && top.Engagers > 0 && top.Engagements >= top.Engagers);
            Assert.NotEmpty(top.Terms);
            Assert.NotEmpty(top.TopPosts);
        }
    }

    [Fact]
    public void Partition_GivesEveryTopicTheInputFilterGives()
    {
        var (corpus, _, index, _) = Data.Value;

        var parts = TopicScoring.Partition(corpus, index);

        Assert.InRange(parts.Count, 5, TopicTaxonomy.BuiltIn.Topics.Count);
        foreach (var t in TopicTaxonomy.BuiltIn.Topics)
        {
            var filtered = TopicScoring.Filter(corpus, index, t.Name);
            if (!parts.TryGetValue(t.Name, out var part))
            {
                Assert.Equal(0, filtered.InteractionCount);
                continue;
            }
            Assert.Equal(filtered.ActorIds, part.ActorIds);
            Assert.Equal(filtered.TargetIds, part.TargetIds);
            Assert.Equal(filtered.TimesMs, part.TimesMs);
            Assert.Equal(filtered.Weights, part.Weights);
            Assert.Equal(filtered.PostAuthorIds, part.PostAuthorIds);
            Assert.Equal(filtered.PostTimesMs, part.PostTimesMs);
        }
    }

    [Fact]
    public void AccountTopicsForAll_AgreesWithForOnEveryAccount()
    {
        var (corpus, _, index, _) = Data.Value;

        var all = AccountTopics.ForAll(corpus, index).GroupBy(r => r.AccountId).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Position).Select(r => r.Topic).ToList());

        var authors = corpus.Posts.Select(p => p.AuthorId).Distinct().ToList();
        Assert.True(all.Count > authors.Count / 2, $"{all.Count} of {authors.Count} authors have topics");
        foreach (var account in authors)
        {
            var one = AccountTopics.For(corpus, index, account);
            var many = all.GetValueOrDefault(account) ?? [];
            Assert.Equal(one.Select(Text), many.Select(Text));
        }

        static string Text(AccountTopic t) => $"{t.Topic} {t.Posts} {t.Engagements:R} {t.Engagers} {string.Join("|", t.Terms)} {string.Join("|", t.TopPosts)}";
    }

    /// <remarks>Without details, the counts come from integer slots and flat arrays (<see cref="AccountTopicCounts"/>); with
    /// them, from the per-account strings of <see cref="AccountTopics.For"/>: the same numbers, bit for bit. Two accounts
    /// whose posts share an id (networks colliding) take the per-account path.</remarks>
    [Fact]
    public void AccountTopicCounts_AreTheDetailedRowsCounts_BitForBit_AlsoWhenPostIdsCollide()
    {
        var (corpus, _, index, _) = Data.Value;
        var someone = corpus.Posts.First(p => index.TopicsOf(p.ExternalId).Count > 0);
        var colliding = corpus with { Posts = [.. corpus.Posts, someone with { AuthorId = corpus.Posts.First(p => p.AuthorId != someone.AuthorId).AuthorId }] };

        foreach (var c in new[] { corpus, colliding })
        {
            var i = new PostTopicIndex(c.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn));
            Assert.Equal(c == colliding, AccountTopicCounts.TryForAll(c, i) is null);
            var detailed = AccountTopics.ForAll(c, i).Select(Counts).ToList();
            Assert.True(detailed.Count > 100, $"{detailed.Count} rows");
            Assert.Equal(detailed, AccountTopics.ForAll(c, i, details: false).Select(Counts));
        }

        static string Counts(AccountTopicRow r) => $"{r.AccountId} {r.Position} {r.Topic.Topic} {r.Topic.Posts} {r.Topic.Engagements:R} {r.Topic.Engagers}";
    }

    [Fact]
    public void RunTopicScoring_StoresWhatEachTopicScoresOnItsOwn_ForAnyThreadCount()
    {
        var (corpus, _, index, p) = Data.Value;
        var quick = p with { BootstrapReplicates = 4 };

        var run = RunTopicScoring.Score(corpus, TopicTaxonomy.BuiltIn, quick, ct: TestContext.Current.CancellationToken);
        var single = RunTopicScoring.Score(corpus, TopicTaxonomy.BuiltIn, quick, degreeOfParallelism: 1, ct: TestContext.Current.CancellationToken);

        Assert.Equal(run.Rankings.Select(r => r.Topic).Order(StringComparer.Ordinal), run.Rankings.Select(r => r.Topic));
        var expert = Sample.Value.Truth.TopicExperts[0].Topic;
        var alone = TopicScoring.Score(corpus, index, expert, quick, ct: TestContext.Current.CancellationToken);
        var stored = run.Rankings.Single(r => r.Topic == expert);
        Assert.Equal(alone.Scores, stored.Scores);
        Assert.Empty(stored.Contributions); // not stored: explain --topic scores the topic again for topic-filtered@1
        Assert.NotEmpty(alone.Contributions);
        Assert.Equal(run.Rankings.SelectMany(r => r.Scores), single.Rankings.SelectMany(r => r.Scores));
        Assert.Equal(run.Evidence.Count, single.Evidence.Count);
    }
}
