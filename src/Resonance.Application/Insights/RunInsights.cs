using System.Collections.Concurrent;
using System.Globalization;
using Resonance.Application.Integrity;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Application.Insights;

/// <summary>What profiles and discovery show beside the score, computed once per run: the audience quality of every
/// account that received engagement (docs/integrity.md) and every account's topics with their evidence (docs/topics.md).</summary>
/// <remarks>Audience quality is built from the run's window with one read of its interactions and posts: the
/// inauthenticity model as <c>resonance audit</c> computes it (resonance@2's integrity parameters, the run's window and
/// network). Topics are read from the run (<see cref="IRunTopicStore"/>) when it stores them, their evidence derived on read
/// for the account and checked against the run's counts (<see cref="StoredTopicReader"/>), as <c>resonance topics</c> reads
/// them; a run without stored topics falls back to extracting them from the
/// window's posts now (<see cref="AccountTopics.For"/>, O(m) per account), with <see cref="TopicsNote"/> saying so.
/// Either way an account's topics are read or computed on first use and kept. Deterministic for the same data, run and
/// taxonomy.</remarks>
public sealed class RunInsights
{
    private readonly IReadOnlyDictionary<long, AudienceQuality> _audience;
    private readonly TopicCorpus _corpus;
    private readonly PostTopicIndex? _index;
    private readonly StoredTopicReader? _stored;
    private readonly ConcurrentDictionary<long, (IReadOnlyList<AccountTopic> Topics, string? Note)> _topics = new();

    private RunInsights(ScoreRunInfo run, IReadOnlyDictionary<long, AudienceQuality> audience, TopicCorpus corpus, PostTopicIndex? index,
        StoredTopicReader? stored)
    {
        Run = run;
        _audience = audience;
        _corpus = corpus;
        _index = index;
        _stored = stored;
    }

    /// <summary>The run these insights belong to.</summary>
    public ScoreRunInfo Run { get; }

    /// <summary>Whether topics are read from the run (true) or recomputed from the data now in the store (false).</summary>
    public bool TopicsStored => _stored is not null;

    /// <summary>Null when topics are read from the run; otherwise the note that they are recomputed
    /// (<see cref="TopicService.RecomputedNote"/>).</summary>
    public string? TopicsNote => TopicService.RecomputedNote(Run, TopicsStored);

    /// <summary>Reads the run's window and computes audience quality; topics come from <paramref name="stored"/> when the run
    /// stores them, else from a topic index of the window's posts with <paramref name="taxonomy"/>. With
    /// <paramref name="texts"/>, the model also reads the window's post texts from it, as <c>resonance audit</c> does
    /// (near-duplicate text).</summary>
    public static async Task<RunInsights> ComputeAsync(ITopicStore store, TopicTaxonomy taxonomy, ScoreRunInfo run, IScoreStore? texts = null,
        IRunTopicStore? stored = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(run);
        var p = run.Parameters;
        var corpus = await store.LoadTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct, storedWith: taxonomy).ConfigureAwait(false);
        var integrity = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), p.AsOfMs) with
        {
            Network = p.Network, WindowDays = p.WindowDays,
        };
        var input = texts is null ? corpus.Input
            : corpus.Input.WithTexts(await texts.LoadPostTextsAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct).ConfigureAwait(false));
        var model = AccountAudit.Model(input, integrity);
        var audience = AudienceQuality.Compute(model)
            .ToDictionary(q => long.Parse(q.AccountId, NumberStyles.None, CultureInfo.InvariantCulture));
        var fromRun = stored is not null && p.Topics is not null ? new StoredTopicReader(store, stored, taxonomy) : null;
        return new RunInsights(run, audience, corpus, fromRun is null ? new PostTopicIndex(corpus.Posts, new TopicExtractor(taxonomy)) : null, fromRun);
    }

    /// <summary>The audience quality of <paramref name="accountId"/>, or null when nobody engaged with it in the window.</summary>
    public AudienceQuality? AudienceOf(long accountId) => _audience.GetValueOrDefault(accountId);

    /// <summary>Every topic of <paramref name="accountId"/> with its evidence, most engaged first (hidden ones included:
    /// callers remove them, see <see cref="InsightService"/>), and the note to show with them: <see cref="TopicsNote"/> for
    /// a recomputed run; for a stored run, null, or why only the stored counts are shown (<see cref="StoredTopicReader"/>).</summary>
    public async Task<(IReadOnlyList<AccountTopic> Topics, string? Note)> TopicsOfAsync(long accountId, CancellationToken ct = default)
    {
        if (_topics.TryGetValue(accountId, out var found))
        {
            return found;
        }
        if (_stored is { } stored)
        {
            var (topics, note) = await stored.AccountAsync(Run, accountId, ct).ConfigureAwait(false);
            return _topics.GetOrAdd(accountId, ([.. topics.Select(t => t.Topic)], note));
        }
        return _topics.GetOrAdd(accountId, (AccountTopics.For(_corpus, _index!, accountId), TopicsNote));
    }
}
