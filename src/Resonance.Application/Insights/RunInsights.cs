using System.Collections.Concurrent;
using System.Globalization;
using Resonance.Application.Integrity;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Application.Insights;

/// <summary>What profiles and discovery show beside the score, computed once per run: the audience quality of every
/// account that received engagement (docs/integrity.md) and the topic index of the run's posts (docs/topics.md).</summary>
/// <remarks>Built from the run's window with one read of its interactions and posts: the inauthenticity model as
/// <c>resonance audit</c> computes it (resonance@2's integrity parameters, the run's window and network) and the
/// topic extraction of every post. An account's topics with their evidence (<see cref="AccountTopics.For"/>, O(m) per
/// account) are computed on first use and kept. Deterministic for the same data, run and taxonomy.</remarks>
public sealed class RunInsights
{
    private readonly IReadOnlyDictionary<long, AudienceQuality> _audience;
    private readonly TopicCorpus _corpus;
    private readonly PostTopicIndex _index;
    private readonly ConcurrentDictionary<long, IReadOnlyList<AccountTopic>> _topics = new();

    private RunInsights(ScoreRunInfo run, IReadOnlyDictionary<long, AudienceQuality> audience, TopicCorpus corpus, PostTopicIndex index)
    {
        Run = run;
        _audience = audience;
        _corpus = corpus;
        _index = index;
    }

    /// <summary>The run these insights belong to.</summary>
    public ScoreRunInfo Run { get; }

    /// <summary>Reads the run's window and computes audience quality and the topic index; with <paramref name="texts"/>, the
    /// model also reads the window's post texts from it, as <c>resonance audit</c> does (near-duplicate text).</summary>
    public static async Task<RunInsights> ComputeAsync(ITopicStore store, TopicTaxonomy taxonomy, ScoreRunInfo run, IScoreStore? texts = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(taxonomy);
        ArgumentNullException.ThrowIfNull(run);
        var p = run.Parameters;
        var corpus = await store.LoadTopicCorpusAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct).ConfigureAwait(false);
        var integrity = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), p.AsOfMs) with
        {
            Network = p.Network, WindowDays = p.WindowDays,
        };
        var input = texts is null ? corpus.Input
            : corpus.Input.WithTexts(await texts.LoadPostTextsAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct).ConfigureAwait(false));
        var model = AccountAudit.Model(input, integrity);
        var audience = AudienceQuality.Compute(model)
            .ToDictionary(q => long.Parse(q.AccountId, NumberStyles.None, CultureInfo.InvariantCulture));
        return new RunInsights(run, audience, corpus, new PostTopicIndex(corpus.Posts, new TopicExtractor(taxonomy)));
    }

    /// <summary>The audience quality of <paramref name="accountId"/>, or null when nobody engaged with it in the window.</summary>
    public AudienceQuality? AudienceOf(long accountId) => _audience.GetValueOrDefault(accountId);

    /// <summary>Every topic of <paramref name="accountId"/> with its evidence, most engaged first (hidden ones included:
    /// callers remove them, see <see cref="InsightService"/>).</summary>
    public IReadOnlyList<AccountTopic> TopicsOf(long accountId) => _topics.GetOrAdd(accountId, id => AccountTopics.For(_corpus, _index, id));
}
