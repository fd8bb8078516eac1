using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>The topic step of a run: every topic's score and every account's topics with evidence, computed once from the
/// run's window and saved with the run, so that <c>top --topic</c>, <c>topics ACCOUNT</c> and <c>explain --topic</c> read
/// the run and give the same answer forever, whatever is imported later.</summary>
/// <remarks>
/// <para>Method (<see cref="TopicParameters.CurrentMethod"/>): the topic-sensitive influence of <see cref="TopicScoring"/>
/// (TwitterRank, Weng et al. WSDM 2010; topic-sensitive PageRank, Haveliwala WWW 2002): one engagement graph per topic
/// with the interactions on posts about it, scored by the same scorer and parameters as the run, with intervals. Every
/// topic of the taxonomy that anyone engaged on is scored, and every account's topics get their evidence
/// (<see cref="AccountTopics.ForAll"/>).</para>
/// <para>Complexity: extraction O(total text × longest phrase), the partition O(m × topics per post), then the scorer
/// on each topic's graph: Σ over topics of its cost, about (depth of the taxonomy) × the main score's on data where every
/// post has a topic. Determinism: topics in name order (ordinal); each topic as <see cref="TopicScoring.Score(ScoringInput, ScoringParameters, bool, int?, CancellationToken)"/>,
/// bit-identical for any thread count.</para>
/// </remarks>
public static class RunTopicScoring
{
    /// <summary>Scores every topic of <paramref name="taxonomy"/> on <paramref name="corpus"/> with the run's parameters
    /// <paramref name="p"/> (fitted values included).</summary>
    public static RunTopicsDraft Score(TopicCorpus corpus, TopicTaxonomy taxonomy, ScoringParameters p, int? degreeOfParallelism = null,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(p);
        var index = new PostTopicIndex(corpus.Posts, new TopicExtractor(taxonomy));
        var parts = TopicScoring.Partition(corpus, index);
        var topics = parts.Keys.Order(StringComparer.Ordinal).ToArray();
        var rankings = new List<TopicRanking>(topics.Length);
        for (var i = 0; i < topics.Length; i++)
        {
            ct.ThrowIfCancellationRequested();
            var draft = TopicScoring.Score(parts[topics[i]], p, true, degreeOfParallelism, ct);
            rankings.Add(new TopicRanking(topics[i], draft.Scores, draft.Contributions));
            progress?.Report((i + 1.0) / (topics.Length + 1));
        }

        var evidence = AccountTopics.ForAll(corpus, index);
        progress?.Report(1);
        return new RunTopicsDraft(rankings, evidence);
    }
}
