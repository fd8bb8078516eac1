namespace Resonance.Domain;

/// <summary>An account on one network, identified by a stable external id (never by its handle, which can change).</summary>
/// <param name="Network">The network, for example <c>twitter</c>.</param>
/// <param name="ExternalId">The network's stable id for the account.</param>
/// <param name="Handle">Optional current handle, for example <c>@ada</c> or <c>@ada@example.social</c>.</param>
/// <param name="DisplayName">Optional display name.</param>
public sealed record Account(string Network, string ExternalId, string? Handle = null, string? DisplayName = null);
