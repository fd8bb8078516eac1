using Resonance.Application.Integrity;
using Resonance.Application.Scoring;
using Resonance.Application.Topics;

namespace Resonance.Application.Insights;

/// <summary>What a profile shows beside the score: audience quality and the account's topics with their evidence.</summary>
/// <param name="RunId">The run they come from (the latest covering the account's network).</param>
/// <param name="Audience">Audience quality, or null when nobody engaged with the account in the run's window.</param>
/// <param name="Topics">The topics its holder has not hidden, most engaged first, each with its evidence.</param>
/// <param name="TopicsNote">Null when the topics are the run's stored ones; otherwise the note that they were recomputed
/// from the data now in the store (a run saved without topics), or that the run's window changed since and only its
/// stored counts are shown, as <c>resonance topics</c> prints it.</param>
public sealed record AccountInsight(long RunId, AudienceQuality? Audience, IReadOnlyList<AccountTopic> Topics, string? TopicsNote = null);

/// <summary>Where the per-run insights come from (the web server keeps them per run, computed once).</summary>
public interface IRunInsightsSource
{
    /// <summary>The insights of the latest run covering <paramref name="network"/>, or null when no run covers it.</summary>
    Task<RunInsights?> LatestAsync(string network, CancellationToken ct = default);
}

/// <summary>Audience quality and topics for profiles and discovery, with hidden topics removed everywhere.</summary>
/// <remarks>No identity is in an insight: audience quality is two counts and an interval, and topic evidence is the
/// account's own posts (their ids), counts of engagement and engagers, and the matched terms.</remarks>
public sealed class InsightService(IRunInsightsSource runs, ITopicPreferences preferences)
{
    /// <summary>How many topics a profile lists.</summary>
    public const int ShownTopics = 5;

    /// <summary>The insight for <paramref name="account"/>, or null when no run covers its network.</summary>
    public async Task<AccountInsight?> ForAsync(AccountRef account, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return (await ForManyAsync([account], ct).ConfigureAwait(false)).GetValueOrDefault(account.Id);
    }

    /// <summary>The insights for several accounts (one read of their hidden topics), by account id.</summary>
    public async Task<IReadOnlyDictionary<long, AccountInsight>> ForManyAsync(IReadOnlyCollection<AccountRef> accounts, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var hidden = await preferences.HiddenTopicsAsync([.. accounts.Select(a => a.Id)], ct).ConfigureAwait(false);
        var result = new Dictionary<long, AccountInsight>();
        foreach (var account in accounts)
        {
            if (await runs.LatestAsync(account.Network, ct).ConfigureAwait(false) is not { } run)
            {
                continue;
            }
            var rejected = hidden.GetValueOrDefault(account.Id);
            var (topics, note) = await run.TopicsOfAsync(account.Id, ct).ConfigureAwait(false);
            result[account.Id] = new AccountInsight(run.Run.Id, run.AudienceOf(account.Id),
                [.. topics.Where(t => rejected is null || !rejected.Contains(t.Topic))], note);
        }
        return result;
    }

    /// <summary>Hides <paramref name="topic"/> from <paramref name="account"/>, held by member <paramref name="userId"/>,
    /// keeping the terms that had matched as feedback for the extractor.</summary>
    /// <exception cref="ArgumentException">The account has no such topic in the latest run.</exception>
    /// <exception cref="InvalidOperationException">The member does not hold the account.</exception>
    public async Task HideAsync(string userId, AccountRef account, string topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var run = await runs.LatestAsync(account.Network, ct).ConfigureAwait(false);
        var topics = run is null ? [] : (await run.TopicsOfAsync(account.Id, ct).ConfigureAwait(false)).Topics;
        var found = topics.FirstOrDefault(t => t.Topic == topic)
            ?? throw new ArgumentException($"{account.Label} has no topic '{topic}' to hide.");
        await preferences.HideTopicAsync(userId, account.Id, found.Topic, found.Terms, ct).ConfigureAwait(false);
    }

    /// <summary>Shows a hidden topic again; false when it was not hidden.</summary>
    /// <exception cref="InvalidOperationException">The member does not hold the account.</exception>
    public Task<bool> ShowAsync(string userId, AccountRef account, string topic, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return preferences.ShowTopicAsync(userId, account.Id, topic, ct);
    }

    /// <summary>The topics hidden from <paramref name="account"/>, most recent first.</summary>
    public Task<IReadOnlyList<TopicRejection>> HiddenAsync(AccountRef account, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        return preferences.RejectionsAsync(account.Id, ct);
    }
}
