namespace Resonance.Application.Scoring;

/// <summary>Where scoring reads interactions from and keeps its immutable runs (SQLite or PostgreSQL).</summary>
/// <remarks>Runs are only ever inserted whole, in one transaction; nothing here updates a saved run.</remarks>
public interface IScoreStore
{
    /// <summary>The latest interaction time in the store (Unix ms), for one network or all; null when there is none.</summary>
    Task<long?> LatestInteractionTimeAsync(string? network, CancellationToken ct = default);

    /// <summary>Interactions with a time in [<paramref name="fromMs"/>, <paramref name="toMs"/>] or no time, and posts
    /// created in that range, for one network or all. Throws <see cref="ArgumentException"/> for an unknown network.</summary>
    Task<ScoringInput> LoadScoringInputAsync(string? network, long fromMs, long toMs, CancellationToken ct = default);

    /// <summary>Posts created in [<paramref name="fromMs"/>, <paramref name="toMs"/>], for one network or all (the posts of
    /// <see cref="LoadScoringInputAsync"/>), with their originality and the text of the originals, in store order. Read
    /// only where the integrity model needs it (<see cref="ScoreStoreLoading"/>). Throws
    /// <see cref="ArgumentException"/> for an unknown network.</summary>
    Task<PostTexts> LoadPostTextsAsync(string? network, long fromMs, long toMs, CancellationToken ct = default);

    /// <summary>Saves a run in one transaction and returns its new id.</summary>
    Task<long> SaveRunAsync(ScoreRunDraft run, CancellationToken ct = default);

    /// <summary>All runs, oldest first.</summary>
    Task<IReadOnlyList<ScoreRunInfo>> ListRunsAsync(CancellationToken ct = default);

    /// <summary>One run, or null.</summary>
    Task<ScoreRunInfo?> GetRunAsync(long runId, CancellationToken ct = default);

    /// <summary>One account's score in a run, or null when it has none there.</summary>
    Task<AccountScore?> GetScoreAsync(long runId, long accountId, CancellationToken ct = default);

    /// <summary>The first <paramref name="count"/> scores of a run by rank.</summary>
    Task<IReadOnlyList<AccountScore>> TopScoresAsync(long runId, int count, CancellationToken ct = default);

    /// <summary>Every score of a run, by rank.</summary>
    Task<IReadOnlyList<AccountScore>> AllScoresAsync(long runId, CancellationToken ct = default);

    /// <summary>Every contribution to one account's score in a run, largest first (ties by engager id).</summary>
    Task<IReadOnlyList<ScoreContribution>> ContributionsToAsync(long runId, long accountId, CancellationToken ct = default);

    /// <summary>The <paramref name="count"/> largest contributions one engager made to others in a run.</summary>
    Task<IReadOnlyList<ScoreContribution>> ContributionsFromAsync(long runId, long engagerId, int count, CancellationToken ct = default);

    /// <summary>The contributions an account received (<paramref name="received"/>) or made in a run, summarised: how
    /// many, their total, and in full only those whose other side is one of <paramref name="counterparts"/>. A profile
    /// names only the few people who consented, so it needs no more than this, even with 20,000 engagers.</summary>
    Task<ContributionSummary> SummariseContributionsAsync(long runId, long accountId, bool received, IReadOnlyCollection<long> counterparts,
        CancellationToken ct = default);

    /// <summary>Finds an account by network and external id or handle (handle match is case-insensitive); null if none.</summary>
    Task<AccountRef?> FindAccountAsync(string network, string idOrHandle, CancellationToken ct = default);

    /// <summary>Names for the given account ids (missing ids are left out).</summary>
    Task<IReadOnlyDictionary<long, AccountRef>> DescribeAccountsAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct = default);
}
