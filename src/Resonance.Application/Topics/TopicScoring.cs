using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>Topic-sensitive influence: an account's score computed from the engagement on its posts about one topic.</summary>
/// <remarks>
/// <para>In the spirit of TwitterRank (Weng, Lim, Jiang and He, WSDM 2010), which runs one topic-specific random walk per
/// topic with transitions weighted by topical similarity, and topic-sensitive PageRank (Haveliwala, WWW 2002), which
/// biases the walk per topic: here the per-topic graph keeps only the interactions on posts about the topic (or a
/// descendant topic), and is scored by the same <see cref="ResonanceScorer"/> as the main score, so a topic score has the
/// same reach, amplification and network-impact terms, the same per-engager contributions (the explanation) and the same
/// Poisson-bootstrap interval, and its 1–100 scale is calibrated among the accounts engaged on that topic.</para>
/// <para>Interactions without a post (follows, mentions) carry no topic and are left out, so a topic score measures
/// response to what the account says about the topic, not its audience in general.</para>
/// <para>Complexity: O(m) to filter plus the scorer's cost on the filtered graph. Determinism: as the scorer's, for the
/// same corpus in any order.</para>
/// </remarks>
public static class TopicScoring
{
    /// <summary>The part of <paramref name="corpus"/> about <paramref name="topic"/>: interactions on its posts, and those posts.</summary>
    public static ScoringInput Filter(TopicCorpus corpus, PostTopicIndex index, string topic)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(index);
        var keep = Enumerable.Range(0, corpus.Input.InteractionCount).Where(i => index.IsAbout(corpus.InteractionPostIds[i], topic)).ToArray();
        var posts = corpus.Posts.Where(p => p.RepostOf is null && index.IsAbout(p.ExternalId, topic)).ToArray();
        return Subset(corpus.Input, keep, posts);
    }

    /// <summary>Every topic's part of <paramref name="corpus"/> in one pass: per topic that any interaction is about, the
    /// same input <see cref="Filter"/> gives (interactions and posts in corpus order). O(m × topics per post).</summary>
    public static IReadOnlyDictionary<string, ScoringInput> Partition(TopicCorpus corpus, PostTopicIndex index)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(index);
        var rows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < corpus.Input.InteractionCount; i++)
        {
            foreach (var topic in index.TopicsOf(corpus.InteractionPostIds[i]))
            {
                if (!rows.TryGetValue(topic, out var list))
                {
                    rows[topic] = list = [];
                }
                list.Add(i);
            }
        }

        var posts = new Dictionary<string, List<TopicPost>>(StringComparer.Ordinal);
        foreach (var post in corpus.Posts.Where(p => p.RepostOf is null))
        {
            foreach (var topic in index.TopicsOf(post.ExternalId).Where(rows.ContainsKey))
            {
                if (!posts.TryGetValue(topic, out var list))
                {
                    posts[topic] = list = [];
                }
                list.Add(post);
            }
        }

        return rows.ToDictionary(kv => kv.Key, kv => Subset(corpus.Input, kv.Value, posts.GetValueOrDefault(kv.Key) ?? []), StringComparer.Ordinal);
    }

    internal static ScoringInput Subset(ScoringInput input, IReadOnlyList<int> keep, IReadOnlyList<TopicPost> posts) =>
        new([.. keep.Select(i => input.ActorIds[i])], [.. keep.Select(i => input.TargetIds[i])], [.. keep.Select(i => input.Kinds[i])],
            [.. keep.Select(i => input.TimesMs[i])], [.. keep.Select(i => input.Weights[i])],
            [.. posts.Select(p => p.AuthorId)], [.. posts.Select(p => p.CreatedAtMs)]);

    /// <summary>Scores <paramref name="topic"/> with <paramref name="p"/>: ranked scores and per-engager contributions, as a run stores them.</summary>
    /// <param name="corpus">The corpus.</param>
    /// <param name="index">Its post topics.</param>
    /// <param name="topic">The topic.</param>
    /// <param name="p">The scoring parameters (as the main run's).</param>
    /// <param name="intervals">False to skip the bootstrap.</param>
    /// <param name="degreeOfParallelism">Threads; never changes the result.</param>
    /// <param name="ct">Cancellation.</param>
    public static ScoreRunDraft Score(TopicCorpus corpus, PostTopicIndex index, string topic, ScoringParameters p, bool intervals = true,
        int? degreeOfParallelism = null, CancellationToken ct = default) =>
        Score(Filter(corpus, index, topic), p, intervals, degreeOfParallelism, ct);

    /// <summary>Scores one topic's part of a corpus (<see cref="Filter"/> or <see cref="Partition"/>) with <paramref name="p"/>.</summary>
    public static ScoreRunDraft Score(ScoringInput input, ScoringParameters p, bool intervals = true, int? degreeOfParallelism = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        // resonance@5 refits each account's tempo on the topic's rows; earlier versions keep the main run's parameters.
        var computation = p.HalfLifeFit == TempoFit.LeaveOneOut
            ? ScoringPipeline.Score(input, p, degreeOfParallelism, null, intervals, ct)
            : ResonanceScorer.Score(EngagementGraph.Build(input, p), p, degreeOfParallelism, null, intervals, ct);
        return RunDrafts.Create(ScoringService.Header(computation, input, DateTimeOffset.UnixEpoch, []), computation);
    }
}
