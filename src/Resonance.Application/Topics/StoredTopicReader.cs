using Resonance.Application.Scoring;

namespace Resonance.Application.Topics;

/// <summary>One account's topics in a run that stores them: the stored topic scores and counts, with the evidence (posts,
/// matched terms) and, for <c>explain --topic</c>, the per-engager topic contributions derived on read from the account's
/// slice of the run's window, and checked against what the run stored.</summary>
/// <param name="store">The posts and interactions.</param>
/// <param name="runs">The run's stored topics and main contributions.</param>
/// <param name="taxonomy">The taxonomy to extract the account's posts with (the run's, unless the hashes say otherwise).</param>
/// <remarks>
/// <para>Reproducibility: a run stores, per (account, topic) it scored, the counts of the evidence (posts, engagements,
/// engagers). On read the account's evidence is recomputed from the data now in the store; when the counts differ (later
/// imports into the window, or erasures), the explanation is refused (<see cref="InvalidOperationException"/>) and the
/// topic list shows the stored scores and counts only, with a note, rather than a different story. A topic-share@1
/// explanation must also add up to the stored topic raw score (1e-9, relative); it does on unchanged data, bit for bit.</para>
/// <para>Sources: the posts' topics are the extraction stored with them (<c>posts.topics</c>), the one the run read, not
/// their text extracted again; a post stored without one (or with another taxonomy's) is extracted from its text, as the
/// run's topic step does.</para>
/// <para>Complexity: O(k log k) for the k interactions the account made or received in the window, plus decoding the
/// posts they name. Deterministic.</para>
/// </remarks>
public sealed class StoredTopicReader(ITopicStore store, IRunTopicStore runs, TopicTaxonomy taxonomy)
{
    private readonly TopicExtractor extractor = new(taxonomy);

    /// <summary>The topics of <paramref name="accountId"/> scored in <paramref name="run"/>, most engaged first, each with its
    /// stored score and its evidence, and a note (null when the evidence is the run's).</summary>
    public async Task<(IReadOnlyList<AccountTopicScore> Topics, string? Note)> AccountAsync(ScoreRunInfo run, long accountId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var stored = await runs.AccountTopicScoresAsync(run.Id, accountId, ct).ConfigureAwait(false);
        var (slice, index) = await SliceAsync(run, accountId, ct).ConfigureAwait(false);
        var evidence = AccountTopics.For(slice, index, accountId);
        if (Unverified(run, stored, evidence) is { } why)
        {
            return ([.. stored.Select(s => new AccountTopicScore(new AccountTopic(s.Topic, s.Counts?.Posts ?? 0, s.Counts?.Engagements ?? 0, s.Counts?.Engagers ?? 0,
                    [], []), s.Score, s.Ranked))
                .OrderByDescending(t => t.Topic.Engagements).ThenByDescending(t => t.Topic.Posts).ThenBy(t => t.Topic.Topic, StringComparer.Ordinal)],
                char.ToUpperInvariant(why[0]) + why[1..] + ": the run's stored topic scores and counts are shown, without the posts and terms behind them.");
        }

        // The run's topics only: a topic the account's posts are about with nobody engaged in the window has no score and
        // is not stored, so a post imported later cannot add a topic to the run's list either.
        var scores = stored.ToDictionary(s => s.Topic, StringComparer.Ordinal);
        return ([.. evidence.Where(t => scores.ContainsKey(t.Topic)).Select(t => new AccountTopicScore(t, scores[t.Topic].Score, scores[t.Topic].Ranked))],
            stored.Count > 0 && stored.All(s => s.Counts is null) ? Uncounted(run) : null);
    }

    /// <summary><paramref name="accountId"/>'s explanation on <paramref name="topic"/> in <paramref name="run"/>, given the
    /// run's stored <paramref name="scores"/> on it.</summary>
    /// <exception cref="InvalidOperationException">The data in the run's window changed since the run, so the explanation
    /// would not be the run's.</exception>
    public async Task<TopicExplanation> ExplainAsync(ScoreRunInfo run, long accountId, string topic, IReadOnlyList<AccountScore> scores,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(scores);
        var stored = (await runs.AccountTopicScoresAsync(run.Id, accountId, ct).ConfigureAwait(false)).Where(s => s.Topic == topic).ToList();
        var (slice, index) = await SliceAsync(run, accountId, ct).ConfigureAwait(false);
        var evidence = AccountTopics.For(slice, index, accountId);
        if (Unverified(run, stored, evidence) is { } why && stored.Any(s => s.Counts is not null))
        {
            throw new InvalidOperationException($"{why}, so the explanation of {topic} would not be the run's and none is shown.");
        }

        var p = run.Parameters;
        IReadOnlyList<ScoreContribution> lines;
        if (p.Topics?.Method == TopicParameters.FilteredMethod)
        {
            // topic-filtered@1 scores a graph per topic: no one-account derivation, so the topic is scored again on the window.
            var corpus = await store.LoadTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct, onPostsOnly: true,
                storedWith: extractor.Taxonomy).ConfigureAwait(false);
            var draft = TopicScoring.Score(corpus, new PostTopicIndex(corpus.Posts, extractor), topic, p, intervals: false, ct: ct);
            Check(run, topic, stored, draft.Scores.FirstOrDefault(s => s.AccountId == accountId)?.Raw ?? 0);
            lines = draft.Contributions;
        }
        else
        {
            var main = await runs.MainContributionsAsync(run.Id, accountId, ct).ConfigureAwait(false);
            lines = TopicShareOnRead.Contributions(p, slice, index, accountId, topic, main);
            Check(run, topic, stored, lines.Where(c => c.AccountId == accountId).Sum(c => c.Total));
        }

        return new TopicExplanation(topic, new ScoreRunDraft(run, scores, lines), evidence.FirstOrDefault(t => t.Topic == topic));
    }

    /// <summary>Whether <paramref name="sum"/>, the recomputed topic raw score, is the stored one.</summary>
    private static void Check(ScoreRunInfo run, string topic, List<StoredTopicScore> stored, double sum)
    {
        var raw = stored.FirstOrDefault()?.Score.Raw ?? 0;
        if (Math.Abs(sum - raw) > 1e-9 * Math.Max(1, Math.Abs(raw)))
        {
            throw new InvalidOperationException(
                $"the data in run {run.Id}'s window changed since the run (later imports or erasures): the engagement on {topic} now adds up to a raw " +
                $"score of {sum:G6}, not the {raw:G6} the run stored, so the explanation would not be the run's and none is shown.");
        }
    }

    private async Task<(TopicCorpus Slice, PostTopicIndex Index)> SliceAsync(ScoreRunInfo run, long accountId, CancellationToken ct)
    {
        var p = run.Parameters;
        // The posts' stored topics, as the run read them (PostTopicCodec); only posts without them are extracted from their text.
        var slice = await store.LoadAccountTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, accountId, ct, storedWith: extractor.Taxonomy).ConfigureAwait(false);
        return (slice, new PostTopicIndex(slice.Posts, extractor));
    }

    /// <summary>Null when the recomputed <paramref name="evidence"/> has the counts the run stored; otherwise why not (a clause).</summary>
    private string? Unverified(ScoreRunInfo run, IReadOnlyList<StoredTopicScore> stored, IReadOnlyList<AccountTopic> evidence)
    {
        if (run.Parameters.Topics is { } t && t.TaxonomyHash != extractor.Taxonomy.Hash)
        {
            return $"run {run.Id} extracted its topics with another taxonomy (sha256 {t.TaxonomyHash[..12]}…) than this one (give --taxonomy the files it was scored with)";
        }

        var now = evidence.ToDictionary(e => e.Topic, StringComparer.Ordinal);
        foreach (var s in stored)
        {
            if (s.Counts is { } c && (!now.TryGetValue(s.Topic, out var e) || e.Posts != c.Posts || e.Engagers != c.Engagers
                || Math.Abs(e.Engagements - c.Engagements) > 1e-9 * Math.Max(1, Math.Abs(c.Engagements))))
            {
                return $"the data in run {run.Id}'s window changed since the run (later imports or erasures: {s.Topic} had {c.Posts} posts, " +
                    $"{c.Engagements:0.#} engagements from {c.Engagers} accounts then)";
            }
        }

        return null;
    }

    private static string Uncounted(ScoreRunInfo run) =>
        $"Run {run.Id} was stored before runs kept their topic counts: the posts and terms behind its topics are recomputed from the data now in the " +
        "store, so later imports or erasures can change them.";
}
