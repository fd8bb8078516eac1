using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>An account's rank and score on one topic, with the topic's evidence for it.</summary>
/// <param name="Topic">The account's topic and its evidence.</param>
/// <param name="Score">Its score on the topic (null when nobody engaged with its posts about it in the window).</param>
/// <param name="Ranked">Accounts scored on the topic; 0 when the account has no score on it.</param>
public sealed record AccountTopicScore(AccountTopic Topic, AccountScore? Score, int Ranked);

/// <summary>Topic extraction and topic-sensitive scoring of a saved run: read from the run when it stores them
/// (<see cref="TopicParameters"/>), otherwise recomputed from the run's window with a note that says so.</summary>
/// <param name="store">The posts and interactions (for recomputing and for candidates).</param>
/// <param name="taxonomy">The taxonomy for recomputing.</param>
/// <param name="runs">The topics stored with runs; null to always recompute.</param>
/// <param name="taxonomyGiven">True when the operator gave taxonomy files: a run stored with another taxonomy is then
/// recomputed with this one (and says so); false reads a run's stored topics whatever taxonomy they were computed with.</param>
/// <remarks>A stored run gives the same answer forever. Recomputed topics are deterministic for the same data, taxonomy
/// and parameters, but later imports or erasures in the run's window change them.</remarks>
public sealed class TopicService(ITopicStore store, TopicTaxonomy taxonomy, IRunTopicStore? runs = null, bool taxonomyGiven = false)
{
    private readonly TopicExtractor extractor = new(taxonomy);

    private StoredTopicReader Reader => new(store, runs!, extractor.Taxonomy);

    /// <summary>The taxonomy in use.</summary>
    public TopicTaxonomy Taxonomy => extractor.Taxonomy;

    /// <summary>Whether <paramref name="run"/>'s topics are read from the run (true) or recomputed (false).</summary>
    public bool IsStored(ScoreRunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return runs is not null && ReadsStored(run, Taxonomy, taxonomyGiven);
    }

    /// <summary>Whether <paramref name="run"/>'s stored topics are read (true) or recomputed with <paramref name="taxonomy"/>
    /// (false): a run that stores topics is read as stored, unless the operator gave taxonomy files
    /// (<paramref name="taxonomyGiven"/>) that hash differently from the run's.</summary>
    public static bool ReadsStored(ScoreRunInfo run, TopicTaxonomy taxonomy, bool taxonomyGiven)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(taxonomy);
        return run.Parameters.Topics is { } t && (!taxonomyGiven || t.TaxonomyHash == taxonomy.Hash);
    }

    /// <summary>Null when <paramref name="run"/>'s topics are read from the run; otherwise why and how they are recomputed.</summary>
    public string? Note(ScoreRunInfo run) => RecomputedNote(run, IsStored(run));

    /// <summary>Null when <paramref name="stored"/>; otherwise why <paramref name="run"/>'s topics are recomputed, and what that
    /// means (the note <c>resonance topics</c> prints, and the web shows).</summary>
    public static string? RecomputedNote(ScoreRunInfo run, bool stored)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (stored)
        {
            return null;
        }
        var why = run.Parameters.Topics is null
            ? $"Run {run.Id} stores no topic scores (saved before topics were part of runs, or scored with --no-topics)"
            : $"Run {run.Id} stored its topics with another taxonomy (sha256 {run.Parameters.Topics.TaxonomyHash[..12]}…) than the one given";
        return why + ": recomputed now from the data in the store for the run's window, so later imports or erasures can change this answer.";
    }

    /// <summary>The ranked scores on <paramref name="topic"/> in <paramref name="run"/>, read from the run or recomputed (<see cref="Note"/>).</summary>
    /// <exception cref="ArgumentException">The topic is neither in the run nor in the taxonomy.</exception>
    public async Task<(string Topic, IReadOnlyList<AccountScore> Scores)> RankAsync(ScoreRunInfo run, string topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!IsStored(run))
        {
            var name = Known(topic);
            return (name, (await RankAsync(run.Parameters, name, ct).ConfigureAwait(false)).Scores);
        }

        var (stored, scores) = await StoredAsync(run, topic, ct).ConfigureAwait(false);
        return (stored, scores);
    }

    /// <summary>The topics of <paramref name="accountId"/> in <paramref name="run"/> with evidence and topic scores, hidden ones
    /// left out, and the note to show with them (null when none): read from the run (every topic scored; the evidence derived
    /// on read and checked against the run's counts, <see cref="StoredTopicReader"/>) or recomputed (the first
    /// <paramref name="scored"/> scored, with <see cref="Note"/>).</summary>
    public async Task<(IReadOnlyList<AccountTopicScore> Topics, string? Note)> AccountAsync(ScoreRunInfo run, long accountId, int scored = 5,
        IReadOnlySet<string>? hidden = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!IsStored(run))
        {
            return (await AccountAsync(run.Parameters, accountId, scored, hidden, ct).ConfigureAwait(false), Note(run));
        }

        var (topics, note) = await Reader.AccountAsync(run, accountId, ct).ConfigureAwait(false);
        return ([.. topics.Where(t => hidden is null || !hidden.Contains(t.Topic.Topic))], note);
    }

    /// <summary>The scores on <paramref name="topic"/> in <paramref name="run"/> and <paramref name="accountId"/>'s evidence
    /// and contributions: the run's scores with the contributions and evidence derived on read (<see cref="StoredTopicReader"/>),
    /// or recomputed (<see cref="Note"/>).</summary>
    /// <exception cref="ArgumentException">The topic is neither in the run nor in the taxonomy.</exception>
    /// <exception cref="InvalidOperationException">The run's window changed since the run, so its explanation cannot be given.</exception>
    public async Task<TopicExplanation> ExplainAsync(ScoreRunInfo run, long accountId, string topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!IsStored(run))
        {
            return await ExplainAsync(run.Parameters, accountId, topic, ct).ConfigureAwait(false);
        }

        var (name, scores) = await StoredAsync(run, topic, ct).ConfigureAwait(false);
        return await Reader.ExplainAsync(run, accountId, name, scores, ct).ConfigureAwait(false);
    }

    /// <summary>The ranked scores on <paramref name="topic"/> (with intervals) and their contributions, recomputed from the
    /// window of the parameters <paramref name="p"/>.</summary>
    /// <exception cref="ArgumentException">The topic is not in the taxonomy.</exception>
    public async Task<ScoreRunDraft> RankAsync(ScoringParameters p, string topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var name = Known(topic);
        if (IsShare(p))
        {
            var shared = await ShareAsync(p, ct).ConfigureAwait(false);
            return shared.Draft(name);
        }

        var (corpus, index) = await LoadAsync(p, ct).ConfigureAwait(false);
        return TopicScoring.Score(corpus, index, name, p, ct: ct);
    }

    /// <summary>The topics of <paramref name="accountId"/> with evidence and, for the first <paramref name="scored"/>, its topic
    /// score; topics in <paramref name="hidden"/> (rejected by the account's holder) are left out before scoring.</summary>
    public async Task<IReadOnlyList<AccountTopicScore>> AccountAsync(ScoringParameters p, long accountId, int scored = 5,
        IReadOnlySet<string>? hidden = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var shared = IsShare(p) ? await ShareAsync(p, ct).ConfigureAwait(false) : null;
        var (corpus, index) = shared is null ? await LoadAsync(p, ct).ConfigureAwait(false) : (shared.Corpus, shared.Index);
        var topics = AccountTopics.For(corpus, index, accountId).Where(t => hidden is null || !hidden.Contains(t.Topic)).ToList();
        var result = new List<AccountTopicScore>(topics.Count);
        foreach (var (t, i) in topics.Select((t, i) => (t, i)))
        {
            if (i >= scored)
            {
                result.Add(new(t, null, 0));
                continue;
            }

            var draft = shared?.Draft(t.Topic) ?? TopicScoring.Score(corpus, index, t.Topic, p, ct: ct);
            var score = draft.Scores.FirstOrDefault(s => s.AccountId == accountId);
            result.Add(new(t, score, score is null ? 0 : draft.Scores.Count));
        }

        return result;
    }

    /// <summary>The scores on <paramref name="topic"/> and <paramref name="accountId"/>'s evidence for it, for <c>explain --topic</c>.</summary>
    /// <exception cref="ArgumentException">The topic is not in the taxonomy.</exception>
    public async Task<TopicExplanation> ExplainAsync(ScoringParameters p, long accountId, string topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var name = Known(topic);
        var shared = IsShare(p) ? await ShareAsync(p, ct).ConfigureAwait(false) : null;
        var (corpus, index) = shared is null ? await LoadAsync(p, ct).ConfigureAwait(false) : (shared.Corpus, shared.Index);
        var evidence = AccountTopics.For(corpus, index, accountId).FirstOrDefault(t => t.Topic == name);
        return new TopicExplanation(name, shared?.Draft(name) ?? TopicScoring.Score(corpus, index, name, p, ct: ct), evidence);
    }

    /// <summary>Candidate topics among the posts of the run's network up to its as-of time.</summary>
    public async Task<IReadOnlyList<TopicCandidate>> CandidatesAsync(ScoringParameters p, CandidateOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        var corpus = await store.LoadTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct, storedWith: Taxonomy).ConfigureAwait(false);
        return TopicCandidates.Find(corpus.Posts, extractor, options);
    }

    /// <summary>A stored run's scores on <paramref name="topic"/>; a topic the run has no scores on must be in the taxonomy.</summary>
    private async Task<(string Topic, IReadOnlyList<AccountScore> Scores)> StoredAsync(ScoreRunInfo run, string topic, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var name = Taxonomy.Find(topic)?.Name ?? topic.Trim().ToLowerInvariant();
        var scores = await runs!.TopicScoresAsync(run.Id, name, ct).ConfigureAwait(false);
        return scores.Count > 0 ? (name, scores) : (Known(topic), scores);
    }

    private string Known(string topic) => Taxonomy.Find(topic)?.Name
        ?? throw new ArgumentException($"unknown topic '{topic}'; known: {string.Join(", ", Taxonomy.Topics.Select(t => t.Name))}.");

    /// <summary>The topic method of <paramref name="p"/>: the run's recorded method, or for a run without one the method a
    /// run of its version would record now.</summary>
    private static string MethodOf(ScoringParameters p) => p.Topics?.Method ?? TopicParameters.MethodFor(p);

    /// <summary>Whether topics under <paramref name="p"/> are recomputed from the main run (topic-share@1 or @2).</summary>
    private static bool IsShare(ScoringParameters p) => TopicParameters.IsShare(MethodOf(p));

    /// <summary>topic-share recomputed: the window with every interaction (the main score needs follows too), the main
    /// computation under <paramref name="p"/> and every topic's ranking derived from it.</summary>
    private async Task<Shared> ShareAsync(ScoringParameters p, CancellationToken ct)
    {
        var corpus = await store.LoadTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct, storedWith: Taxonomy).ConfigureAwait(false);
        var index = new PostTopicIndex(corpus.Posts, extractor);
        var main = ScoringPipeline.Score(corpus.Input, p, ct: ct);
        var rankings = TopicShareScoring.Score(main, corpus, index, MethodOf(p), ct: ct).ToDictionary(r => r.Topic, StringComparer.Ordinal);
        return new Shared(corpus, index, ScoringService.Header(main, corpus.Input, DateTimeOffset.UnixEpoch, []), rankings);
    }

    private sealed record Shared(TopicCorpus Corpus, PostTopicIndex Index, ScoreRunInfo Header, Dictionary<string, TopicRanking> Rankings)
    {
        public ScoreRunDraft Draft(string topic) => Rankings.TryGetValue(topic, out var r) ? new(Header, r.Scores, r.Contributions) : new(Header, [], []);
    }

    private async Task<(TopicCorpus Corpus, PostTopicIndex Index)> LoadAsync(ScoringParameters p, CancellationToken ct)
    {
        var corpus = await store.LoadTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct, onPostsOnly: true, storedWith: Taxonomy).ConfigureAwait(false);
        return (corpus, new PostTopicIndex(corpus.Posts, extractor));
    }
}
