using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>The topic step of a run: every topic's score and every account's topic counts (posts, engagements, engagers),
/// computed once from the run's window and saved with the run, so that <c>top --topic</c> and the lists of
/// <c>topics ACCOUNT</c> read the run and give the same answer forever, whatever is imported later. Per-engager topic
/// contributions and the matched terms and top posts are not stored: they are derived on read for one account
/// (<see cref="StoredTopicReader"/>), checked against the stored numbers.</summary>
/// <remarks>
/// <para>Methods (<see cref="TopicParameters"/>): topic-share@1 (the current one, <see cref="TopicShareScoring"/>) derives every
/// topic's scores from the main run's contributions; topic-filtered@1 is the topic-sensitive influence of <see cref="TopicScoring"/>
/// (TwitterRank, Weng et al. WSDM 2010; topic-sensitive PageRank, Haveliwala WWW 2002): one engagement graph per topic
/// with the interactions on posts about it, scored by the same scorer and parameters as the run, with intervals. Every
/// topic of the taxonomy that anyone engaged on is scored, and every account's topics get their counts
/// (<see cref="AccountTopics.ForAll"/> without details).</para>
/// <para>Complexity: the posts' topics as stored at import, O(matches) (extraction, O(total text × longest phrase), only for
/// posts without a stored extraction, <see cref="PostTopicIndex"/>); topic-share@1 then O(n + m_T log d + B·(m + E)) (see
/// <see cref="TopicShareScoring"/>); topic-filtered@1 the partition O(m × topics per post), then the scorer
/// on each topic's graph: Σ over topics of its cost, about (depth of the taxonomy) × the main score's on data where every
/// post has a topic. Determinism: topics in name order (ordinal); each topic as <see cref="TopicScoring.Score(ScoringInput, ScoringParameters, bool, int?, CancellationToken)"/>,
/// bit-identical for any thread count.</para>
/// </remarks>
public static class RunTopicScoring
{
    /// <summary>The topic step of a run under <paramref name="method"/>: <see cref="TopicParameters.ShareMethod"/> derives every
    /// topic's scores from <paramref name="main"/> (<see cref="TopicShareScoring"/>), <see cref="TopicParameters.FilteredMethod"/>
    /// scores one filtered graph per topic with the main run's fitted parameters.</summary>
    /// <exception cref="ArgumentException">An unknown method.</exception>
    public static RunTopicsDraft Score(string method, TopicCorpus corpus, TopicTaxonomy taxonomy, ScoreComputation main, int? degreeOfParallelism = null,
        IProgress<double>? progress = null, CancellationToken ct = default) =>
        Score(method, Prepare(corpus, taxonomy), main, degreeOfParallelism, progress, ct);

    /// <summary>The part of the topic step that needs the window only, not the main score: the posts' topics
    /// (<see cref="PostTopicIndex"/>, with each interaction's post slot) and every account's topic counts. A run computes
    /// it beside the graph phase, on the core that phase leaves idle, and the rest (<see cref="Score(string, PreparedTopics, ScoreComputation, int?, IProgress{double}, CancellationToken)"/>)
    /// once the main score exists; the result is the same as computing both at once.</summary>
    public static PreparedTopics Prepare(TopicCorpus corpus, TopicTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(taxonomy);
        var index = new PostTopicIndex(corpus.Posts, new TopicExtractor(taxonomy));
        return new PreparedTopics(corpus, index, AccountTopics.ForAll(corpus, index, details: false));
    }

    /// <summary>The rest of the topic step under <paramref name="method"/>, from <paramref name="prepared"/> and the main score.</summary>
    /// <exception cref="ArgumentException">An unknown method.</exception>
    public static RunTopicsDraft Score(string method, PreparedTopics prepared, ScoreComputation main, int? degreeOfParallelism = null,
        IProgress<double>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(main);
        switch (method)
        {
            case TopicParameters.FilteredMethod:
                return Score(prepared, main.Parameters, degreeOfParallelism, progress, ct);
            case TopicParameters.ShareMethod or TopicParameters.PairKeyedShareMethod:
                var rankings = TopicShareScoring.Score(main, prepared.Corpus, prepared.Index, method, true, false, degreeOfParallelism, ct);
                progress?.Report(1);
                return new RunTopicsDraft(rankings, prepared.Evidence);
            default:
                throw new ArgumentException(
                    $"unknown topic method '{method}'; known: {TopicParameters.ShareMethod}, {TopicParameters.PairKeyedShareMethod}, {TopicParameters.FilteredMethod}.");
        }
    }

    /// <summary>topic-filtered@1: scores every topic of <paramref name="taxonomy"/> on <paramref name="corpus"/> with the run's parameters
    /// <paramref name="p"/> (fitted values included).</summary>
    public static RunTopicsDraft Score(TopicCorpus corpus, TopicTaxonomy taxonomy, ScoringParameters p, int? degreeOfParallelism = null,
        IProgress<double>? progress = null, CancellationToken ct = default) =>
        Score(Prepare(corpus, taxonomy), p, degreeOfParallelism, progress, ct);

    private static RunTopicsDraft Score(PreparedTopics prepared, ScoringParameters p, int? degreeOfParallelism, IProgress<double>? progress,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(p);
        var parts = TopicScoring.Partition(prepared.Corpus, prepared.Index);
        var topics = parts.Keys.Order(StringComparer.Ordinal).ToArray();
        var rankings = new List<TopicRanking>(topics.Length);
        for (var i = 0; i < topics.Length; i++)
        {
            ct.ThrowIfCancellationRequested();
            var draft = TopicScoring.Score(parts[topics[i]], p, true, degreeOfParallelism, ct);
            rankings.Add(new TopicRanking(topics[i], draft.Scores, [])); // contributions are not stored: explain recomputes the topic
            progress?.Report((i + 1.0) / (topics.Length + 1));
        }

        progress?.Report(1);
        return new RunTopicsDraft(rankings, prepared.Evidence);
    }
}

/// <summary>The topic step's work that needs the window only (<see cref="RunTopicScoring.Prepare"/>).</summary>
/// <param name="Corpus">The window's interactions with their posts, and the posts.</param>
/// <param name="Index">The posts' topics.</param>
/// <param name="Evidence">Every account's topic counts, as a run stores them.</param>
public sealed record PreparedTopics(TopicCorpus Corpus, PostTopicIndex Index, IReadOnlyList<AccountTopicRow> Evidence);
