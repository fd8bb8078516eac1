using Resonance.Application.Scoring;

namespace Resonance.Application.Members;

/// <summary>Members' claims on network accounts, their consent, and erasure, as the application sees them.</summary>
public interface IMemberStore
{
    /// <summary>Starts (or returns the existing) claim of <paramref name="userId"/> on <paramref name="account"/>, with a
    /// fresh one-time code. Throws <see cref="InvalidOperationException"/> when another member already holds the account.</summary>
    Task<ClaimInfo> ClaimAsync(string userId, AccountRef account, CancellationToken ct = default);

    /// <summary>The member's claims, newest first.</summary>
    Task<IReadOnlyList<ClaimInfo>> ClaimsOfAsync(string userId, CancellationToken ct = default);

    /// <summary>Claims waiting for proof, oldest first (for admins).</summary>
    Task<IReadOnlyList<ClaimInfo>> PendingClaimsAsync(CancellationToken ct = default);

    /// <summary>Approves or rejects a pending claim (admin); null when there is no such pending claim.</summary>
    Task<ClaimInfo?> DecideClaimAsync(long claimId, bool approve, CancellationToken ct = default);

    /// <summary>Verifies every pending claim whose one-time code appears in a post by the claimed account; returns how
    /// many were verified. Imports call this after committing.</summary>
    Task<int> VerifyPostedCodesAsync(CancellationToken ct = default);

    /// <summary>The consent behind each of <paramref name="accountIds"/> that a member has claimed and verified
    /// (accounts nobody has claimed are absent: they stay anonymous).</summary>
    Task<IReadOnlyDictionary<long, Consent>> ConsentsAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct = default);

    /// <summary>Verified accounts of members whose visibility is at least <paramref name="atLeast"/>, by account id.</summary>
    Task<IReadOnlyList<Consent>> ConsentingAsync(Visibility atLeast, CancellationToken ct = default);

    /// <summary>The member's visibility.</summary>
    Task<Visibility> VisibilityOfAsync(string userId, CancellationToken ct = default);

    /// <summary>Sets the member's visibility.</summary>
    Task SetVisibilityAsync(string userId, Visibility visibility, CancellationToken ct = default);

    /// <summary>Removes the member's claims on one network: those accounts are anonymous again. Returns how many.</summary>
    Task<int> DisconnectAsync(string userId, string network, CancellationToken ct = default);

    /// <summary>Everything held about the member and their claimed accounts, for download.</summary>
    Task<PersonalData> ExportAsync(string userId, CancellationToken ct = default);

    /// <summary>Opt-out: erases the member, their claimed accounts and everything about those accounts (interactions,
    /// posts, scores and contributions in every run, mentions of their handles), writes tombstones so later imports
    /// skip them, all in one transaction. Returns what was erased.</summary>
    Task<ErasureReport> EraseMemberAsync(string userId, CancellationToken ct = default);
}

/// <summary>A member's claim on one account.</summary>
public sealed record ClaimInfo(long Id, string UserId, AccountRef Account, string Code, ClaimStatus Status, ClaimProof Proof,
    DateTimeOffset CreatedAt, DateTimeOffset? DecidedAt);

/// <summary>A verified account and the choice of the member who holds it.</summary>
public sealed record Consent(long AccountId, string UserId, string UserName, Visibility Visibility);

/// <summary>What an opt-out erased. The counts are rows deleted; <see cref="Accounts"/> names what was erased, for the
/// member's confirmation page only (the names are gone from the database once this is returned).</summary>
public sealed record ErasureReport(IReadOnlyList<string> Accounts, long Interactions, long Posts, long Scores,
    long Contributions, long Claims, long RedactedMentions, long RemovedReposts);

/// <summary>Everything Resonance holds about a member (the JSON download).</summary>
public sealed record PersonalData(
    string UserName, string? Email, string Visibility, DateTimeOffset SignedUpAt,
    IReadOnlyList<ClaimInfo> Claims,
    IReadOnlyList<PersonalAccountData> Accounts)
{
    /// <summary>The topics the member hid from their accounts, with the terms that had matched.</summary>
    public IReadOnlyList<Topics.TopicRejection> HiddenTopics { get; init; } = [];
}

/// <summary>One claimed account's data: the account, its posts, its interactions (counterparts anonymous unless they
/// consented), and its scores in every run.</summary>
public sealed record PersonalAccountData(AccountRef Account, string? DisplayName,
    IReadOnlyList<PersonalPost> Posts, IReadOnlyList<PersonalInteraction> Interactions, IReadOnlyList<PersonalScore> Scores);

/// <summary>A post in the download.</summary>
public sealed record PersonalPost(string Id, DateTimeOffset CreatedAt, string? Text, IReadOnlyList<string> Hashtags,
    string? ReplyTo, string? QuoteOf, string? RepostOf);

/// <summary>An interaction in the download: <paramref name="Direction"/> is <c>received</c> or <c>made</c>;
/// <paramref name="Counterpart"/> is the other account's label when it consented, else <c>anonymous</c>.</summary>
public sealed record PersonalInteraction(string Direction, string Kind, DateTimeOffset? OccurredAt, string Counterpart,
    string? PostId, double Weight);

/// <summary>The account's score in one run.</summary>
public sealed record PersonalScore(long RunId, string Algorithm, DateTimeOffset ComputedAt, double Score, double Low,
    double High, int Rank, double Reach, double Amplification, double Impact);
