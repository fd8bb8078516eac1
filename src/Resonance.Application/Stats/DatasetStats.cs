namespace Resonance.Application.Stats;

/// <summary>What is in the database: totals, counts per network and kind, time range and the most-engaged accounts.</summary>
public sealed record DatasetStats(
    long Networks,
    long Accounts,
    long Posts,
    long Interactions,
    long ImportRuns,
    IReadOnlyList<NetworkStats> ByNetwork,
    IReadOnlyList<TopAccount> TopAccounts);

/// <summary>Counts for one network.</summary>
/// <param name="InteractionsByKind">Kind name (for example <c>repost</c>) to count, for kinds present.</param>
/// <param name="FirstInteraction">Earliest timed interaction, if any.</param>
/// <param name="LastInteraction">Latest timed interaction, if any.</param>
/// <param name="UntimedInteractions">Interactions without a time (from edge lists).</param>
public sealed record NetworkStats(
    string Network,
    long Accounts,
    long Posts,
    long Interactions,
    IReadOnlyDictionary<string, long> InteractionsByKind,
    DateTimeOffset? FirstInteraction,
    DateTimeOffset? LastInteraction,
    long UntimedInteractions);

/// <summary>An account ranked by raw interactions received (a count, not a Resonance score).</summary>
public sealed record TopAccount(string Network, string ExternalId, string? Handle, long InteractionsReceived, long DistinctActors);
