using System.Globalization;
using Resonance.Application.Scoring;

namespace Resonance.Application.Tests.Scoring;

/// <summary>An <see cref="IScoreStore"/> over one <see cref="ScoringInput"/> in memory, for the services that read runs
/// back (explain, diff, discounts) without a database. Accounts are named <c>test:ID</c>.</summary>
internal sealed class MemoryScoreStore(ScoringInput input) : IScoreStore
{
    private readonly List<ScoreRunDraft> runs = [];

    /// <summary>The data the store serves; replace it to simulate data arriving after a run.</summary>
    public ScoringInput Input { get; set; } = input;

    /// <summary>Scores the store's data with <paramref name="p"/> (no intervals, to stay quick) and saves the run.</summary>
    public async Task<ScoreRunInfo> ScoreAsync(ScoringParameters p, CancellationToken ct)
    {
        var input = await this.LoadWindowAsync(p, ct);
        return await SaveAsync(input, ResonanceScorer.Score(EngagementGraph.Build(input, p), p, intervals: false, ct: ct), ct);
    }

    /// <summary>Saves an existing computation of <paramref name="input"/> (the store's data in its window) as a run.</summary>
    public async Task<ScoreRunInfo> SaveAsync(ScoringInput input, ScoreComputation result, CancellationToken ct)
    {
        var info = ScoringService.Header(result, input, DateTimeOffset.UnixEpoch, []);
        var id = await SaveRunAsync(RunDrafts.Create(info, result), ct);
        return (await GetRunAsync(id, ct))!;
    }

    public Task<long?> LatestInteractionTimeAsync(string? network, CancellationToken ct = default) => Task.FromResult(Input.LatestTimeMs);

    public Task<ScoringInput> LoadScoringInputAsync(string? network, long fromMs, long toMs, CancellationToken ct = default)
    {
        var rows = Enumerable.Range(0, Input.InteractionCount).Where(i => Input.TimesMs[i] == ScoringInput.Untimed || (Input.TimesMs[i] >= fromMs && Input.TimesMs[i] <= toMs)).ToArray();
        var posts = Enumerable.Range(0, Input.PostAuthorIds.Length).Where(k => Input.PostTimesMs[k] >= fromMs && Input.PostTimesMs[k] <= toMs).ToArray();
        return Task.FromResult(new ScoringInput([.. rows.Select(i => Input.ActorIds[i])], [.. rows.Select(i => Input.TargetIds[i])], [.. rows.Select(i => Input.Kinds[i])],
            [.. rows.Select(i => Input.TimesMs[i])], [.. rows.Select(i => Input.Weights[i])], [.. posts.Select(k => Input.PostAuthorIds[k])], [.. posts.Select(k => Input.PostTimesMs[k])]));
    }

    public Task<PostTexts> LoadPostTextsAsync(string? network, long fromMs, long toMs, CancellationToken ct = default)
    {
        // Data without texts reads as a database whose posts are all originals without text.
        var t = Input.Texts ?? new PostTexts(Input.PostAuthorIds, Input.PostTimesMs, new string?[Input.PostAuthorIds.Length],
            [.. Input.PostAuthorIds.Select(_ => true)]);
        var posts = Enumerable.Range(0, t.Count).Where(k => t.CreatedMs[k] >= fromMs && t.CreatedMs[k] <= toMs).ToArray();
        return Task.FromResult(new PostTexts([.. posts.Select(k => t.AuthorIds[k])], [.. posts.Select(k => t.CreatedMs[k])],
            [.. posts.Select(k => t.Texts[k])], [.. posts.Select(k => t.IsOriginal[k])]));
    }

    public async Task<long> SaveRunAsync(ScoreRunDraft run, CancellationToken ct = default)
    {
        // As the relational stores do: the pending steps are awaited and kept with the run.
        var communities = await run.CommunitiesAsync();
        runs.Add(run with { Info = run.Info with { Id = runs.Count + 1 }, Communities = communities, PendingCommunities = null });
        return runs.Count;
    }

    public Task<IReadOnlyList<ScoreRunInfo>> ListRunsAsync(CancellationToken ct = default) => Task.FromResult<IReadOnlyList<ScoreRunInfo>>([.. runs.Select(r => r.Info)]);

    public Task<ScoreRunInfo?> GetRunAsync(long runId, CancellationToken ct = default) => Task.FromResult(Run(runId)?.Info);

    public Task<AccountScore?> GetScoreAsync(long runId, long accountId, CancellationToken ct = default) =>
        Task.FromResult(Run(runId)?.Scores.FirstOrDefault(s => s.AccountId == accountId));

    public Task<IReadOnlyList<AccountScore>> TopScoresAsync(long runId, int count, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<AccountScore>>([.. Run(runId)!.Scores.Take(count)]);

    public Task<IReadOnlyList<AccountScore>> AllScoresAsync(long runId, CancellationToken ct = default) => Task.FromResult(Run(runId)!.Scores);

    public Task<IReadOnlyList<ScoreContribution>> ContributionsToAsync(long runId, long accountId, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ScoreContribution>>([.. Run(runId)!.Contributions.Where(c => c.AccountId == accountId).OrderByDescending(c => c.Total).ThenBy(c => c.EngagerId)]);

    public Task<IReadOnlyList<ScoreContribution>> ContributionsFromAsync(long runId, long engagerId, int count, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyList<ScoreContribution>>([.. Run(runId)!.Contributions.Where(c => c.EngagerId == engagerId).OrderByDescending(c => c.Total).ThenBy(c => c.AccountId).Take(count)]);

    public Task<ContributionSummary> SummariseContributionsAsync(long runId, long accountId, bool received, IReadOnlyCollection<long> counterparts, CancellationToken ct = default) =>
        throw new NotSupportedException();

    public Task<AccountRef?> FindAccountAsync(string network, string idOrHandle, CancellationToken ct = default) =>
        Task.FromResult<AccountRef?>(Named(long.Parse(idOrHandle, CultureInfo.InvariantCulture)));

    public Task<IReadOnlyDictionary<long, AccountRef>> DescribeAccountsAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<long, AccountRef>>(accountIds.Distinct().ToDictionary(id => id, Named));

    public static AccountRef Named(long id) => new(id, "test", id.ToString(CultureInfo.InvariantCulture), null);

    private ScoreRunDraft? Run(long id) => id >= 1 && id <= runs.Count ? runs[(int)id - 1] : null;
}
