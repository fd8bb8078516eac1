using Resonance.Application.Scoring;
using Resonance.Application.Synthetic;
using Resonance.Application.Tests.Scoring;
using Resonance.Application.Topics;
using Resonance.Domain;

namespace Resonance.Application.Tests.Topics;

/// <summary>Builds a <see cref="TopicCorpus"/> from records, with account ids as <see cref="ScoringInputs.FromRecords"/> assigns them.</summary>
internal static class TopicCorpora
{
    public static (TopicCorpus Corpus, Dictionary<string, long> Ids) FromRecords(IReadOnlyList<SourceRecord> records)
    {
        var (input, ids) = ScoringInputs.FromRecords(records);
        var postIds = records.Where(r => r.Interaction is not null).Select(r => r.Interaction!.PostId).ToList();
        var posts = records.Where(r => r.Post is not null).Select(r => r.Post!)
            .Select(p => new TopicPost(ids[p.AuthorId], p.ExternalId, p.CreatedAt.ToUnixTimeMilliseconds(), p.Text, p.Hashtags, p.RepostOfPostId)).ToList();
        return (new TopicCorpus(input, postIds, posts).Validate(), ids);
    }

    /// <summary>The same corpus with its interactions' post ids held as a run's load holds them (<see cref="InteractionPostKeys"/>).</summary>
    public static TopicCorpus WithPostKeys(TopicCorpus corpus)
    {
        var keys = corpus.InteractionPostIds.OfType<string>().Distinct().ToArray();
        var of = keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
        var postKeys = new InteractionPostKeys([.. corpus.InteractionPostIds.Select(id => id is null ? -1 : of[id])], keys);
        return new TopicCorpus(corpus.Input, postKeys.AsPostIds(), corpus.Posts).Validate();
    }

    /// <summary>The same corpus with its interactions, posts and post rows in reverse order.</summary>
    public static TopicCorpus Reversed(TopicCorpus corpus)
    {
        var input = corpus.Input;
        var order = Enumerable.Range(0, input.InteractionCount).Reverse().ToArray();
        return new TopicCorpus(
            new ScoringInput([.. order.Select(i => input.ActorIds[i])], [.. order.Select(i => input.TargetIds[i])], [.. order.Select(i => input.Kinds[i])],
                [.. order.Select(i => input.TimesMs[i])], [.. order.Select(i => input.Weights[i])], [.. input.PostAuthorIds.Reverse()], [.. input.PostTimesMs.Reverse()]),
            [.. order.Select(i => corpus.InteractionPostIds[i])], [.. corpus.Posts.Reverse()]);
    }

    /// <summary>The planted experts that miss <see cref="PlantedExpertRank.MeetsTheBar"/> (top 5 of their niche without other experts, outside the
    /// overall top tenth): <paramref name="topicScores"/> gives a topic's ranking,
    /// <paramref name="overallRanks"/> every account's overall rank; each expert's ranks are written to <paramref name="output"/>.</summary>
    public static List<PlantedExpertRank> ExpertsOffTheBar(IEnumerable<TopicExpertTruth> experts, Dictionary<string, long> ids,
        Func<string, IReadOnlyList<AccountScore>> topicScores, Dictionary<long, int> overallRanks, ITestOutputHelper output)
    {
        var ranks = PlantedExpertRank.CountExpertsAbove([.. experts.Select(e =>
            PlantedExpertRank.For(e, ids[e.AccountId], topicScores(e.Niche), topicScores(e.Topic), overallRanks))]);
        foreach (var rank in ranks)
        {
            output.WriteLine(rank.ToString());
        }
        var failures = ranks.Where(r => !r.MeetsTheBar).ToList();
        return failures;
    }
}
