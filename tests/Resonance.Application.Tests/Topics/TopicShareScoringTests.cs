using Resonance.Application.Scoring;
using Resonance.Application.Tests.Synthetic;
using Resonance.Application.Topics;

namespace Resonance.Application.Tests.Topics;

/// <summary>topic-share@1 on the default synthetic dataset (2,000 people), whose planted topic experts are known: topic
/// scores derived from the main run's contributions.</summary>
public class TopicShareScoringTests(ITestOutputHelper output)
{
    private static readonly Lazy<SyntheticSample> Sample = new(() => SyntheticSample.Default);

    private static readonly Lazy<(TopicCorpus Corpus, Dictionary<string, long> Ids, PostTopicIndex Index, ScoreComputation Main)> Data = new(() =>
    {
        var (corpus, ids) = TopicCorpora.FromRecords(Sample.Value.Records);
        var p = ScoringAlgorithms.Defaults(ScoringAlgorithms.Default, corpus.Input.LatestTimeMs!.Value) with { BootstrapReplicates = 50 };
        return (corpus, ids, new PostTopicIndex(corpus.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn)), ScoringPipeline.Score(corpus.Input, p));
    });

    private static readonly Lazy<IReadOnlyList<TopicRanking>> Rankings = new(() =>
    {
        var (corpus, _, index, main) = Data.Value;
        return TopicShareScoring.Score(main, corpus, index);
    });

    /// <remarks>The same bar as topic-filtered@1's test (<see cref="TopicScoringTests"/>), on the default version.</remarks>
    [Fact]
    public void PlantedExperts_RankInTheTopFiveOfTheirNiche_ButLowOverall()
    {
        var (corpus, ids, _, main) = Data.Value;
        var overallRanks = RunDrafts.Create(ScoringService.Header(main, corpus.Input, DateTimeOffset.UnixEpoch, []), main).Scores
            .ToDictionary(s => s.AccountId, s => s.Rank);
        var experts = Sample.Value.Truth.TopicExperts;
        Assert.NotEmpty(experts);
        var failures = TopicCorpora.ExpertsOffTheBar(experts, ids, topic => Rankings.Value.Single(r => r.Topic == topic).Scores, overallRanks, output);

        Assert.Empty(failures);
    }

    [Fact]
    public void TopicScore_IsTheSumOfItsEngagersShares_EachAtMostTheirMainContribution()
    {
        var (corpus, ids, index, main) = Data.Value;
        var expert = Sample.Value.Truth.TopicExperts[0];
        var id = ids[expert.AccountId];
        var ranking = Rankings.Value.Single(r => r.Topic == expert.Topic);
        var mainContributions = RunDrafts.Create(ScoringService.Header(main, corpus.Input, DateTimeOffset.UnixEpoch, []), main).Contributions
            .Where(c => c.AccountId == id).ToDictionary(c => c.EngagerId);

        var score = ranking.Scores.Single(s => s.AccountId == id);
        var contributions = ranking.Contributions.Where(c => c.AccountId == id).ToList();

        Assert.InRange(score.Score, score.Low, score.High);
        Assert.True(score.High > score.Low, "the bootstrap gives a real interval");
        Assert.NotEmpty(contributions);
        Assert.Equal(0, score.Base);
        Assert.Equal(score.Raw, contributions.Sum(c => c.Total), 9);
        Assert.Equal(score.Reach, contributions.Sum(c => c.Reach), 9);
        foreach (var c in contributions)
        {
            var whole = mainContributions[c.EngagerId];
            Assert.InRange(c.Total, 1e-300, whole.Total * (1 + 1e-12));
            // The same share of each part: the split does not change what the contribution is made of.
            Assert.Equal(c.Reach / c.Total, whole.Reach / whole.Total, 9);
        }

        // Only engagers who engaged with the expert's posts about the topic contribute.
        var p = main.Parameters;
        var onTopic = Enumerable.Range(0, corpus.Input.InteractionCount)
            .Where(i => corpus.Input.TargetIds[i] == id && corpus.Input.ActorIds[i] != id && index.IsAbout(corpus.InteractionPostIds[i], expert.Topic)
                && corpus.Input.Weights[i] > 0 && corpus.Input.TimesMs[i] >= p.WindowStartMs && corpus.Input.TimesMs[i] <= p.AsOfMs)
            .Select(i => corpus.Input.ActorIds[i]).ToHashSet();
        Assert.Equal(onTopic.Order(), contributions.Select(c => c.EngagerId).Order());
    }

    [Fact]
    public void LeafTopicShares_AddUpToAtMostTheMainContribution_SaveForPostsOnSeveralLeaves()
    {
        var main = Data.Value.Main;
        var corpus = Data.Value.Corpus;
        var whole = RunDrafts.Create(ScoringService.Header(main, corpus.Input, DateTimeOffset.UnixEpoch, []), main).Contributions
            .ToDictionary(c => (c.AccountId, c.EngagerId), c => c.Total);
        // Leaf topics (no child in the taxonomy) partition engagement unless a post is about several of them.
        var parents = TopicTaxonomy.BuiltIn.Topics.Select(t => t.Parent).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var leafSums = Rankings.Value.Where(r => !parents.Contains(r.Topic)).SelectMany(r => r.Contributions)
            .GroupBy(c => (c.AccountId, c.EngagerId)).Select(g => (g.Key, Sum: g.Sum(c => c.Total))).ToList();

        Assert.NotEmpty(leafSums);
        var over = leafSums.Count(x => x.Sum > whole[x.Key] * (1 + 1e-9));
        output.WriteLine($"{over} of {leafSums.Count} (account, engager) pairs have leaf shares above their main contribution (posts on several leaves)");
        Assert.True(over < leafSums.Count / 10, $"{over} of {leafSums.Count}");
    }

    [Fact]
    public void SameCorpusInAnotherOrder_AndOneThread_GiveBitIdenticalRankings()
    {
        var (corpus, _, _, main) = Data.Value;
        var reversed = TopicCorpora.Reversed(corpus);

        var other = TopicShareScoring.Score(main, reversed, new PostTopicIndex(reversed.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn)),
            degreeOfParallelism: 1, ct: TestContext.Current.CancellationToken);

        Assert.Equal(Rankings.Value.Select(r => r.Topic), other.Select(r => r.Topic));
        Assert.Equal(Rankings.Value.SelectMany(r => r.Scores), other.SelectMany(r => r.Scores));
        Assert.Equal(Rankings.Value.SelectMany(r => r.Contributions), other.SelectMany(r => r.Contributions));
    }

    /// <remarks><see cref="TopicShareOnRead"/> derives one account's lines on its own, by pair and post id, with none of the
    /// run step's integer bucketing: a plain reference for it.</remarks>
    [Fact]
    public void EveryStoredLine_IsWhatTheOneAccountDerivationGives_BitForBit()
    {
        var (corpus, _, index, main) = Data.Value;
        var mainLines = RunDrafts.Create(ScoringService.Header(main, corpus.Input, DateTimeOffset.UnixEpoch, []), main).Contributions;
        var checkedLines = 0;
        foreach (var ranking in Rankings.Value)
        {
            foreach (var score in ranking.Scores.Take(5).Concat(ranking.Scores.TakeLast(5)))
            {
                var id = score.AccountId;
                var derived = TopicShareOnRead.Contributions(main.Parameters, corpus, index, id, ranking.Topic,
                        [.. mainLines.Where(c => c.AccountId == id || c.EngagerId == id)])
                    .Where(c => c.AccountId == id).OrderBy(c => c.EngagerId);
                var stored = ranking.Contributions.Where(c => c.AccountId == id).OrderBy(c => c.EngagerId).ToList();
                Assert.Equal(stored, derived);
                checkedLines += stored.Count;
            }
        }

        output.WriteLine($"{checkedLines} lines in {Rankings.Value.Count} topics");
        Assert.True(checkedLines > 100, $"{checkedLines} lines checked");
    }

    [Fact]
    public void ACorpusWhosePostsCameWithTheLoad_GivesTheSameRankingsAndCounts_BitForBit()
    {
        var (corpus, _, index, main) = Data.Value;
        var keyed = TopicCorpora.WithPostKeys(corpus);
        Assert.NotNull(InteractionPostKeys.From(keyed.InteractionPostIds));

        var other = TopicShareScoring.Score(main, keyed, new PostTopicIndex(keyed.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn)),
            ct: TestContext.Current.CancellationToken);

        Assert.Equal(Rankings.Value.Select(r => r.Topic), other.Select(r => r.Topic));
        Assert.Equal(Rankings.Value.SelectMany(r => r.Scores), other.SelectMany(r => r.Scores));
        Assert.Equal(Rankings.Value.SelectMany(r => r.Contributions), other.SelectMany(r => r.Contributions));
        Assert.Equal(AccountTopics.ForAll(corpus, index, details: false).Select(Counts), AccountTopics.ForAll(keyed, index, details: false).Select(Counts));

        static string Counts(AccountTopicRow r) => $"{r.AccountId} {r.Position} {r.Topic.Topic} {r.Topic.Posts} {r.Topic.Engagements:R} {r.Topic.Engagers}";
    }

    [Fact]
    public void RunTopicScoring_UnderTheShareMethod_StoresTheShareRankings_AndRefusesAnUnknownMethod()
    {
        var (corpus, _, _, main) = Data.Value;

        // The share method of the default version's runs (topic-share@2 under resonance@7, @1 before it).
        var run = RunTopicScoring.Score(TopicParameters.MethodFor(main.Parameters), corpus, TopicTaxonomy.BuiltIn, main, ct: TestContext.Current.CancellationToken);

        Assert.Equal(Rankings.Value.SelectMany(r => r.Scores), run.Rankings.SelectMany(r => r.Scores));
        Assert.NotEmpty(run.Evidence);
        var error = Assert.Throws<ArgumentException>(() => RunTopicScoring.Score("topic-share@0", corpus, TopicTaxonomy.BuiltIn, main, ct: TestContext.Current.CancellationToken));
        Assert.Contains("unknown topic method 'topic-share@0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopicShare2_DrawsEachPairAsResonance7sMainRunDoes_ByAccountPair_AndTopicShare1ByPairIndex()
    {
        var (corpus, _, index, _) = Data.Value;
        var p7 = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 7), corpus.Input.LatestTimeMs!.Value) with { BootstrapReplicates = 4 };
        var main = ScoringPipeline.Score(corpus.Input, p7, intervals: false, ct: TestContext.Current.CancellationToken);
        var g = main.Graph;
        Assert.Equal(TopicParameters.PairKeyedShareMethod, TopicParameters.MethodFor(p7));
        Assert.Equal(TopicParameters.ShareMethod, TopicParameters.MethodFor(main.Parameters with { Calibration = null }));

        var keyed = new int[g.PairCount];
        var indexed = new int[g.PairCount];
        var differ = 0;
        for (var b = 0; b < 4; b++)
        {
            TopicShareScoring.Draw(p7.Seed, b, TopicShareScoring.AccountPairKeys(g), keyed);
            TopicShareScoring.Draw(p7.Seed, b, null, indexed);
            var stream = Engine.Randomness.SplitMix64.Derive(p7.Seed, (ulong)b);
            for (var e = 0; e < g.PairCount; e++)
            {
                // resonance@7's replicate b counts the pair (u, v) this many times, whatever other pairs exist.
                var mainDraw = LeaveOneOutScores.Multiplicity(stream, LeaveOneOutScores.PairKey(g.AccountIds[g.Sources[e]], g.AccountIds[g.Targets[e]]));
                Assert.Equal(mainDraw, keyed[e]);
                differ += indexed[e] != mainDraw ? 1 : 0;
            }
        }

        // topic-share@1's draws by pair index are other draws: on a resonance@7 run they are not the main run's.
        Assert.True(differ > g.PairCount, $"{differ} of {4 * g.PairCount} draws differ");

        // The interval follows the draws: topic-share@2 and @1 give the same points, other intervals.
        var two = TopicShareScoring.Score(main, corpus, index, ct: TestContext.Current.CancellationToken);
        var one = TopicShareScoring.Score(main, corpus, index, TopicParameters.ShareMethod, ct: TestContext.Current.CancellationToken);
        Assert.Equal(one.SelectMany(r => r.Scores.Select(s => s.Score)), two.SelectMany(r => r.Scores.Select(s => s.Score)));
        Assert.NotEqual(one.SelectMany(r => r.Scores.Select(s => s.Low)), two.SelectMany(r => r.Scores.Select(s => s.Low)));
    }

    [Fact]
    public void NoInteractionOnAPostAboutATopic_GivesNoRankings_AndDrawsNoBootstrap()
    {
        var (corpus, _, _, main) = Data.Value;
        // As on Higgs: interactions, but none on a post the store knows.
        var bare = new TopicCorpus(corpus.Input, [.. corpus.InteractionPostIds.Select(_ => (string?)null)], []);

        var rankings = TopicShareScoring.Score(main, bare, new PostTopicIndex(bare.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn)),
            ct: TestContext.Current.CancellationToken);

        Assert.Empty(rankings);
    }

    [Fact]
    public void AgreesWithTopicFiltered_OnTheOrderOfEachTopic()
    {
        var (corpus, _, index, main) = Data.Value;
        var p = main.Parameters with { BootstrapReplicates = 2 };
        var correlations = new List<(string Topic, double Rho, int Accounts)>();
        foreach (var ranking in Rankings.Value.Where(r => r.Scores.Count >= 20))
        {
            var filtered = TopicScoring.Score(corpus, index, ranking.Topic, p, intervals: false, ct: TestContext.Current.CancellationToken).Scores
                .ToDictionary(s => s.AccountId, s => s.Rank);
            var both = ranking.Scores.Where(s => filtered.ContainsKey(s.AccountId)).ToList();
            correlations.Add((ranking.Topic, Spearman([.. both.Select(s => (double)s.Rank)], [.. both.Select(s => (double)filtered[s.AccountId])]), both.Count));
        }

        foreach (var (topic, rho, accounts) in correlations)
        {
            output.WriteLine($"{topic}: Spearman {rho:F3} over {accounts} accounts");
        }

        Assert.NotEmpty(correlations);
        Assert.All(correlations, c => Assert.True(c.Rho > 0.5, $"{c.Topic}: {c.Rho:F3}"));
    }

    /// <summary>Spearman's rank correlation of two rank lists without ties re-ranked among themselves.</summary>
    private static double Spearman(double[] a, double[] b)
    {
        double[] Ranks(double[] x)
        {
            var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
            var r = new double[x.Length];
            for (var k = 0; k < order.Length; k++)
            {
                r[order[k]] = k;
            }

            return r;
        }

        var (ra, rb) = (Ranks(a), Ranks(b));
        var n = a.Length;
        var d2 = Enumerable.Range(0, n).Sum(i => (ra[i] - rb[i]) * (ra[i] - rb[i]));
        return 1 - (6 * d2 / (n * ((double)n * n - 1)));
    }
}
