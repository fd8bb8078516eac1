using System.Diagnostics;
using System.Reflection;
using Resonance.Application.Communities;
using Resonance.Application.Topics;

namespace Resonance.Application.Scoring;

/// <summary>Runs an algorithm version over the store's data and saves the result as a new immutable run.</summary>
public sealed class ScoringService(IScoreStore store)
{
    /// <summary>The phases reported to progress, in the order they start.</summary>
    public static IReadOnlyList<string> Phases { get; } = ["load", "graph", "score", "extract", "topics", "communities", "save"];

    /// <summary>The phases that run beside the later ones (the topic scores and the communities, beside each other and the
    /// save): a later phase's start does not mean they are done; their own report of 1 does.</summary>
    public static IReadOnlyList<string> ConcurrentPhases { get; } = ["topics", "communities"];

    /// <summary>Resolves the request into full parameters (defaults filled in).</summary>
    public async Task<ScoringParameters> ResolveAsync(ScoreRequest request, CancellationToken ct = default) =>
        (await ResolveWithTaxonomyAsync(request, ct).ConfigureAwait(false)).Parameters;

    /// <summary>As <see cref="ResolveAsync"/>, with the taxonomy the topic step uses (null without one), read once.</summary>
    private async Task<(ScoringParameters Parameters, TopicTaxonomy? Taxonomy)> ResolveWithTaxonomyAsync(ScoreRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOfMs ?? await store.LatestInteractionTimeAsync(request.Network, ct).ConfigureAwait(false)
            ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var p = ScoringAlgorithms.Defaults(request.Algorithm, asOf) with { Network = request.Network };
        p = request.WindowDays is { } w ? p with { WindowDays = w } : p;
        p = request.Seed is { } s ? p with { Seed = s } : p;
        p = request.Communities ? p with { Communities = CommunityParameters.ForMethod(request.CommunityMethod ?? CommunityParameters.CurrentMethod, p.Seed) } : p;
        // A store that keeps no posts (an in-memory scoring input) has nothing to extract topics from.
        // topic-share derives topic scores from pair contributions that resonance@2's integrity weights make other than sums of
        // decays; under resonance@7 it draws its bootstrap by account pair, as the main run does (topic-share@2).
        var topicMethod = TopicParameters.MethodFor(p);
        var taxonomy = request.Topics && store is ITopicStore ? Taxonomy(request) : null;
        p = taxonomy is not null ? p with { Topics = TopicParameters.For(taxonomy, request.TaxonomyFiles, topicMethod) } : p;
        p.Validate();
        p.Communities?.Validate();
        return (p, taxonomy);
    }

    /// <summary>Loads, scores and saves; <paramref name="progress"/> gets (phase, share of that phase done).</summary>
    public async Task<ScoreRunInfo> RunAsync(ScoreRequest request, IProgress<(string Phase, double Done)>? progress = null, CancellationToken ct = default)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var (p, taxonomy) = await ResolveWithTaxonomyAsync(request, ct).ConfigureAwait(false);
        // The topic step's posts need nothing of the main score, so they are read on their own connection beside the load,
        // graph and score phases (mostly one core each), and only awaited when the topic step starts; the
        // interactions' posts come with the main load (ScoringInput.PostKeys), so the interactions are read once.
        using var corpusCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var corpusRead = taxonomy is null ? null : Task.Run(() => ((ITopicStore)store).LoadTopicPostsAsync(p.Network, p.AsOfMs, taxonomy, corpusCancel.Token),
            corpusCancel.Token);
        try
        {
            return await RunAsync(request, p, taxonomy, corpusRead, started, clock, progress, ct).ConfigureAwait(false);
        }
        finally
        {
            if (corpusRead is { IsCompleted: false })
            {
                await corpusCancel.CancelAsync().ConfigureAwait(false);
                await corpusRead.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                    .ConfigureAwait(false);
            }
        }
    }

    private async Task<ScoreRunInfo> RunAsync(ScoreRequest request, ScoringParameters p, TopicTaxonomy? taxonomy, Task<IReadOnlyList<TopicPost>>? corpusRead,
        DateTimeOffset started, Stopwatch clock, IProgress<(string Phase, double Done)>? progress, CancellationToken ct)
    {
        var timings = new List<KeyValuePair<string, double>>();
        progress?.Report(("load", 0));
        var input = await store.LoadWindowAsync(p, withPostKeys: corpusRead is not null, ct).ConfigureAwait(false);
        var perAccount = p.HalfLifeFit == TempoFit.LeaveOneOut;
        p = perAccount ? p : TempoFit.Apply(input, p);
        Lap("load");
        // The topic step in two parts: what needs the window only (the posts' topics, every account's counts) runs beside the
        // graph phase, on the core it leaves idle; the topic scores and the community step start when the main score exists
        // and run beside each other and the save, which writes on one thread. The store writes scores and contributions
        // first, then awaits the communities and then the topics for the same transaction. "topics" and "communities" are
        // the time the run spent waiting for them (for the topics, also for the first part after the score); "save" is
        // the rest of the save.
        using var sideCancel = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var withTopics = p.Topics is not null && taxonomy is not null && corpusRead is not null;
        var preparing = withTopics ? PrepareTopicsAsync(input, corpusRead!, taxonomy!, sideCancel.Token) : null;
        Task<RunTopicsDraft>? topics = null;
        Task<CommunityDraft>? communities = null;
        try
        {
            progress?.Report(("graph", 0));
            var graphs = perAccount ? PerAccountTempo.Build(input, p) : null;
            var graph = perAccount ? null : EngagementGraph.Build(input, p);
            Lap("graph");
            // Reported synchronously: Progress<T> would post to the thread pool, and a late report could reach a console
            // that the caller has already closed.
            var scoring = progress is null ? null : new PhaseProgress(progress, "score");
            var result = await Task.Run(() => graphs is not null
                ? PerAccountTempo.Score(graphs, request.DegreeOfParallelism, scoring, true, ct)
                : ResonanceScorer.Score(graph!, p, request.DegreeOfParallelism, scoring, true, ct), ct).ConfigureAwait(false);
            Lap("score");
            var corpusWait = TimeSpan.Zero;
            if (withTopics)
            {
                // Null when some posts' stored topics came from another taxonomy: they are extracted again first (timed as
                // "extract"), and the window-only part runs now.
                var prepared = await preparing!.ConfigureAwait(false);
                if (prepared is null)
                {
                    var posts = await CompleteTopicPostsAsync(await corpusRead!.ConfigureAwait(false), p, taxonomy!, progress, Lap, ct).ConfigureAwait(false);
                    prepared = RunTopicScoring.Prepare(Corpus(input, posts), taxonomy!);
                }

                progress?.Report(("topics", 0));
                var topicProgress = progress is null ? null : new PhaseProgress(progress, "topics");
                var method = p.Topics!.Method;
                var token = sideCancel.Token;
                topics = Task.Run(() => RunTopicScoring.Score(method, prepared, result, request.DegreeOfParallelism, topicProgress, token), token);
                corpusWait = clock.Elapsed;
                clock.Restart();
            }

            if (p.Communities is { } community)
            {
                progress?.Report(("communities", 0));
                var token = sideCancel.Token;
                communities = Task.Run(() =>
                {
                    var detected = CommunityDetection.Detect(result, community, token, request.DegreeOfParallelism);
                    progress?.Report(("communities", 1));
                    return detected;
                }, token);
            }

            progress?.Report(("save", 0));
            var info = Header(result, input, started, timings);
            var communityWait = communities is null ? null : new TimedWait<CommunityDraft>(communities);
            var topicWait = topics is null ? null : new TimedWait<RunTopicsDraft>(topics);
            var draft = RunDrafts.Create(info, result) with
            {
                PendingCommunities = communityWait is null ? null : communityWait.AwaitAsync,
                PendingTopics = topicWait is null ? null : topicWait.AwaitAsync,
            };
            var id = await store.SaveRunAsync(draft, ct).ConfigureAwait(false);
            // Awaited again: a store that keeps no communities or topics still surfaces the steps' failures.
            if (communityWait is not null)
            {
                await communities!.ConfigureAwait(false);
                timings.Add(new("communities", communityWait.Waited.TotalSeconds));
            }

            if (topicWait is not null)
            {
                await topics!.ConfigureAwait(false);
                timings.Add(new("topics", (corpusWait + topicWait.Waited).TotalSeconds));
            }

            var sideWaits = (topicWait?.Waited ?? TimeSpan.Zero) + (communityWait?.Waited ?? TimeSpan.Zero);
            timings.Add(new("save", (clock.Elapsed - sideWaits).TotalSeconds));
            progress?.Report(("save", 1));
            return info with { Id = id, Timings = timings };
        }
        catch when (preparing is { IsCompleted: false } || topics is { IsCompleted: false } || communities is { IsCompleted: false })
        {
            // A failed phase must not leave the topic or community step computing behind the caller's back.
            await sideCancel.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(new Task?[] { preparing, topics, communities }.OfType<Task>())
                .ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                .ConfigureAwait(false);
            throw;
        }

        void Lap(string phase)
        {
            timings.Add(new(phase, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }
    }

    /// <summary>The topic step's posts with their topics as stored at import with <paramref name="taxonomy"/>, given
    /// their first read <paramref name="posts"/>. Posts whose stored topics came from another taxonomy (or none: a database
    /// from before topics were stored) are extracted again and stored first, in their own transaction (phase
    /// <c>extract</c>), and the posts are read again, so that this run and the next read stored topics only.</summary>
    private async Task<IReadOnlyList<TopicPost>> CompleteTopicPostsAsync(IReadOnlyList<TopicPost> posts, ScoringParameters p, TopicTaxonomy taxonomy,
        IProgress<(string Phase, double Done)>? progress, Action<string> lap, CancellationToken ct)
    {
        var topicStore = (ITopicStore)store;
        if (store is not IPostTopicStore postTopics || !NeedsExtraction(posts))
        {
            return posts;
        }

        progress?.Report(("extract", 0));
        await postTopics.ExtractPostTopicsAsync(new TopicExtractor(taxonomy), progress is null ? null : new PhaseProgress(progress, "extract"), ct)
            .ConfigureAwait(false);
        lap("extract");
        return await topicStore.LoadTopicPostsAsync(p.Network, p.AsOfMs, taxonomy, ct).ConfigureAwait(false);
    }

    /// <summary>The window-only part of the topic step (<see cref="RunTopicScoring.Prepare"/>) on the pool, once the posts
    /// are read; null when some posts' stored topics came from another taxonomy (or none), which the run extracts again first.</summary>
    private Task<PreparedTopics?> PrepareTopicsAsync(ScoringInput input, Task<IReadOnlyList<TopicPost>> corpusRead, TopicTaxonomy taxonomy,
        CancellationToken ct) =>
        Task.Run(async () =>
        {
            var posts = await corpusRead.ConfigureAwait(false);
            return NeedsExtraction(posts) ? null : RunTopicScoring.Prepare(Corpus(input, posts), taxonomy);
        }, ct);

    private bool NeedsExtraction(IReadOnlyList<TopicPost> posts) => store is IPostTopicStore && posts.Any(post => post.Stored is null);

    private static TopicCorpus Corpus(ScoringInput input, IReadOnlyList<TopicPost> posts) =>
        new TopicCorpus(input, input.PostKeys?.AsPostIds() ?? throw new InvalidOperationException("the window was loaded without its post keys."),
            posts).Validate();

    private static TopicTaxonomy Taxonomy(ScoreRequest request) =>
        request.TaxonomyFiles is { Count: > 0 } files ? TopicTaxonomy.Load(files) : TopicTaxonomy.BuiltIn;

    /// <summary>The header of a computed run (id 0 until saved).</summary>
    public static ScoreRunInfo Header(ScoreComputation result, ScoringInput input, DateTimeOffset started, IReadOnlyList<KeyValuePair<string, double>> timings)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(input);
        long? latest = null;
        var p = result.Parameters;
        for (var i = 0; i < input.InteractionCount; i++)
        {
            var t = input.TimesMs[i];
            if (t != ScoringInput.Untimed && t <= p.AsOfMs && t >= p.WindowStartMs && (latest is null || t > latest))
            {
                latest = t;
            }
        }

        return new ScoreRunInfo
        {
            Algorithm = p.Algorithm,
            Parameters = p,
            WatermarkLatestMs = latest,
            WatermarkInteractions = result.Graph.InteractionsUsed,
            CodeRevision = CodeRevision,
            StartedAt = started,
            FinishedAt = DateTimeOffset.UtcNow,
            Timings = timings,
            CalibrationQuantiles = result.CalibrationQuantiles,
            AmplificationPriorRate = result.AmplificationPriorRate,
            AccountsScored = result.Engaged.Count(e => e),
            Pairs = result.Graph.PairCount,
            PageRankIterations = result.PageRankIterations,
        };
    }

    /// <summary>The git commit this build came from (the part after '+' in the informational version), or "unknown".</summary>
    public static string CodeRevision { get; } = ReadRevision();

    private static string ReadRevision()
    {
        var version = typeof(ScoringService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var plus = version?.IndexOf('+', StringComparison.Ordinal) ?? -1;
        return plus >= 0 ? version![(plus + 1)..] : "unknown";
    }

    /// <summary>A side step's result as a store awaits it inside the save, with the time the save waited for it.</summary>
    private sealed class TimedWait<T>(Task<T> step) where T : class
    {
        public TimeSpan Waited { get; private set; }

        public async Task<T?> AwaitAsync()
        {
            var clock = Stopwatch.StartNew();
            var done = await step.ConfigureAwait(false);
            Waited = clock.Elapsed;
            return done;
        }
    }

    /// <summary>Forwards a share-done report to the phase progress on the reporting thread.</summary>
    private sealed class PhaseProgress(IProgress<(string Phase, double Done)> target, string phase) : IProgress<double>
    {
        public void Report(double value) => target.Report((phase, value));
    }
}
