using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>An account's rank and score on one topic, with the topic's evidence for it.</summary>
/// <param name="Topic">The account's topic and its evidence.</param>
/// <param name="Score">Its score on the topic (null when nobody engaged with its posts about it in the window).</param>
/// <param name="Ranked">Accounts scored on the topic.</param>
public sealed record AccountTopicScore(AccountTopic Topic, AccountScore? Score, int Ranked);

/// <summary>Topic extraction and topic-sensitive scoring over the store, with the parameters of a saved run.</summary>
/// <remarks>Nothing is stored: topics and topic scores are recomputed from the run's window each time (deterministic
/// for the same data, taxonomy and parameters).</remarks>
public sealed class TopicService(ITopicStore store, TopicTaxonomy taxonomy)
{
    private readonly TopicExtractor extractor = new(taxonomy);

    /// <summary>The taxonomy in use.</summary>
    public TopicTaxonomy Taxonomy => extractor.Taxonomy;

    /// <summary>The ranked scores on <paramref name="topic"/> (with intervals) and their contributions.</summary>
    /// <exception cref="ArgumentException">The topic is not in the taxonomy.</exception>
    public async Task<ScoreRunDraft> RankAsync(ScoringParameters p, string topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var name = Known(topic);
        var (corpus, index) = await LoadAsync(p, ct).ConfigureAwait(false);
        return TopicScoring.Score(corpus, index, name, p, ct: ct);
    }

    /// <summary>The topics of <paramref name="accountId"/> with evidence and, for the first <paramref name="scored"/>, its topic
    /// score; topics in <paramref name="hidden"/> (rejected by the account's holder) are left out before scoring.</summary>
    public async Task<IReadOnlyList<AccountTopicScore>> AccountAsync(ScoringParameters p, long accountId, int scored = 5,
        IReadOnlySet<string>? hidden = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var (corpus, index) = await LoadAsync(p, ct).ConfigureAwait(false);
        var topics = AccountTopics.For(corpus, index, accountId).Where(t => hidden is null || !hidden.Contains(t.Topic)).ToList();
        var result = new List<AccountTopicScore>(topics.Count);
        foreach (var (t, i) in topics.Select((t, i) => (t, i)))
        {
            if (i >= scored)
            {
                result.Add(new(t, null, 0));
                continue;
            }

            var draft = TopicScoring.Score(corpus, index, t.Topic, p, ct: ct);
            result.Add(new(t, draft.Scores.FirstOrDefault(s => s.AccountId == accountId), draft.Scores.Count));
        }

        return result;
    }

    /// <summary>The scores on <paramref name="topic"/> and <paramref name="accountId"/>'s evidence for it, for <c>explain --topic</c>.</summary>
    /// <exception cref="ArgumentException">The topic is not in the taxonomy.</exception>
    public async Task<TopicExplanation> ExplainAsync(ScoringParameters p, long accountId, string topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var name = Known(topic);
        var (corpus, index) = await LoadAsync(p, ct).ConfigureAwait(false);
        var evidence = AccountTopics.For(corpus, index, accountId).FirstOrDefault(t => t.Topic == name);
        return new TopicExplanation(name, TopicScoring.Score(corpus, index, name, p, ct: ct), evidence);
    }

    /// <summary>Candidate topics among the posts of the run's network up to its as-of time.</summary>
    public async Task<IReadOnlyList<TopicCandidate>> CandidatesAsync(ScoringParameters p, CandidateOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var corpus = await store.LoadTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct).ConfigureAwait(false);
        return TopicCandidates.Find(corpus.Posts, extractor, options);
    }

    private string Known(string topic) => Taxonomy.Find(topic)?.Name
        ?? throw new ArgumentException($"unknown topic '{topic}'; known: {string.Join(", ", Taxonomy.Topics.Select(t => t.Name))}.");

    private async Task<(TopicCorpus Corpus, PostTopicIndex Index)> LoadAsync(ScoringParameters p, CancellationToken ct)
    {
        var corpus = await store.LoadTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct).ConfigureAwait(false);
        return (corpus, new PostTopicIndex(corpus.Posts, extractor));
    }
}
