namespace Resonance.Application.Scoring;

/// <summary>A persisted scoring run's header: what was computed, from which data, by which code, and how long it took.</summary>
public sealed record ScoreRunInfo
{
    /// <summary>The run's id in the store (assigned on save; 0 before).</summary>
    public long Id { get; init; }

    /// <summary>Algorithm id and version, for example <c>resonance@1</c>.</summary>
    public required AlgorithmId Algorithm { get; init; }

    /// <summary>All parameters, defaults included.</summary>
    public required ScoringParameters Parameters { get; init; }

    /// <summary>The data watermark: latest interaction time used (Unix ms), or null when none had a time.</summary>
    public long? WatermarkLatestMs { get; init; }

    /// <summary>The data watermark: interactions used.</summary>
    public required long WatermarkInteractions { get; init; }

    /// <summary>Source revision of the code that computed the run (git commit, or "unknown").</summary>
    public required string CodeRevision { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run finished computing.</summary>
    public required DateTimeOffset FinishedAt { get; init; }

    /// <summary>Seconds per phase (load, graph, score, save), in the order they ran.</summary>
    public required IReadOnlyList<KeyValuePair<string, double>> Timings { get; init; }

    /// <summary>Reference quantiles of the engaged accounts' raw scores.</summary>
    public required double[] CalibrationQuantiles { get; init; }

    /// <summary>Amplification prior mean (actions per post).</summary>
    public required double AmplificationPriorRate { get; init; }

    /// <summary>The reference quantiles <paramref name="accountId"/>'s score was read through: the run's own, or in
    /// resonance@5 those of the account's tempo rung (<see cref="ScoringParameters.TempoRungs"/>).</summary>
    public double[] CalibrationFor(long accountId) => Parameters.TempoRungs?.Of(accountId).CalibrationQuantiles ?? CalibrationQuantiles;

    /// <summary>How the run read raw scores as 1–100 scores: <see cref="PlainCalibration"/> (each account's percentile among
    /// the engaged accounts of its rung, through the stored quantiles; every version before resonance@7) or
    /// <see cref="LeaveOneOutScores.Name"/> (resonance@7: through each account's leave-one-out calibration F₋A).</summary>
    public string CalibrationMode => Parameters.Calibration ?? PlainCalibration;

    /// <summary>Why the run's fitted tempo means little (<see cref="TempoFitWarning"/>), or null.</summary>
    public string? TempoWarning => TempoFitWarning.For(Parameters);

    /// <summary>The <see cref="CalibrationMode"/> of a run read through its stored quantiles.</summary>
    public const string PlainCalibration = "plain";

    /// <summary>Accounts that received engagement and so have a score.</summary>
    public required int AccountsScored { get; init; }

    /// <summary>Engagement pairs (engager, engaged) in the graph.</summary>
    public required int Pairs { get; init; }

    /// <summary>PageRank iterations of the main pass.</summary>
    public required int PageRankIterations { get; init; }
}

/// <summary>One account's score in one run.</summary>
/// <param name="AccountId">The store's account id.</param>
/// <param name="Rank">1 for the highest raw score; ties share no rank (ordered by account id).</param>
/// <param name="Score">Calibrated score, 1–100.</param>
/// <param name="Low">Lower end of the interval.</param>
/// <param name="High">Upper end of the interval.</param>
/// <param name="Raw">Raw score: the sum of the contributions plus <paramref name="Base"/>.</param>
/// <param name="Base">The part owed to no single engager (amplification prior).</param>
/// <param name="Reach">Decay-weighted distinct engagers.</param>
/// <param name="Amplification">Smoothed reposts, quotes and replies per post.</param>
/// <param name="Impact">Standing flowing in from engagers (PageRank over the share every account gets).</param>
public sealed record AccountScore(long AccountId, int Rank, double Score, double Low, double High, double Raw, double Base,
    double Reach, double Amplification, double Impact);

/// <summary>What one engager added to one account's raw score in one run, by sub-score (raw-score units).</summary>
public sealed record ScoreContribution(long AccountId, long EngagerId, double Reach, double Amplification, double Impact)
{
    /// <summary>The engager's whole contribution.</summary>
    public double Total => Reach + Amplification + Impact;
}

/// <summary>A complete run ready to save: header, scores (by rank), contributions and, when the run has them, its
/// communities and its topics.</summary>
public sealed record ScoreRunDraft(ScoreRunInfo Info, IReadOnlyList<AccountScore> Scores, IReadOnlyList<ScoreContribution> Contributions,
    Communities.CommunityDraft? Communities = null)
{
    /// <summary>The run's topic scores and evidence (<see cref="Topics.RunTopicScoring"/>), or null when it stores none.</summary>
    public Topics.RunTopicsDraft? Topics { get; init; }

    /// <summary>The run's topics while they are still being computed: a store awaits them (<see cref="TopicsAsync"/>) after
    /// writing the rest of the run in the same transaction, so that the topic step runs beside the save. Null when
    /// <see cref="Topics"/> holds them (or the run has none).</summary>
    public Func<Task<Topics.RunTopicsDraft?>>? PendingTopics { get; init; }

    /// <summary><see cref="Topics"/>, or the <see cref="PendingTopics"/> once computed.</summary>
    public async Task<Topics.RunTopicsDraft?> TopicsAsync() => Topics ?? (PendingTopics is { } pending ? await pending().ConfigureAwait(false) : null);

    /// <summary>The run's communities while they are still being computed: a store awaits them (<see cref="CommunitiesAsync"/>)
    /// after writing the scores and contributions in the same transaction, so that the community step runs beside the save.
    /// Null when <see cref="Communities"/> holds them (or the run has none).</summary>
    public Func<Task<Communities.CommunityDraft?>>? PendingCommunities { get; init; }

    /// <summary><see cref="Communities"/>, or the <see cref="PendingCommunities"/> once computed.</summary>
    public async Task<Communities.CommunityDraft?> CommunitiesAsync() =>
        Communities ?? (PendingCommunities is { } pending ? await pending().ConfigureAwait(false) : null);
}

/// <summary>How an account is named to people: network, external id and handle.</summary>
public sealed record AccountRef(long Id, string Network, string ExternalId, string? Handle)
{
    /// <summary><c>network:handle</c> when there is a handle, else <c>network:id</c>.</summary>
    public string Label => $"{Network}:{Handle ?? ExternalId}";
}

/// <summary>Contributions summarised: how many there are, their total (raw units), and the ones asked for in full,
/// largest first.</summary>
public sealed record ContributionSummary(int Count, double Total, IReadOnlyList<ScoreContribution> Selected);
