using Resonance.Application.Members;

namespace Resonance.Storage.Members;

/// <summary>A member's claim on one network account, with the one-time code that proves it.</summary>
public sealed class AccountClaimEntity
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    /// <summary>The claimed account (accounts.id).</summary>
    public long AccountId { get; set; }
    /// <summary>The one-time code to post from the account, for example <c>resonance-7Q2K-9XfM</c>.</summary>
    public required string Code { get; set; }
    public ClaimStatus Status { get; set; }
    public ClaimProof Proof { get; set; }
    public long CreatedAtMs { get; set; }
    public long? DecidedAtMs { get; set; }
}
