namespace Resonance.Application.Members;

/// <summary>Where a member's claim on a network account stands.</summary>
public enum ClaimStatus
{
    /// <summary>Waiting for proof: the one-time code posted from the account, or an admin's approval.</summary>
    Pending = 0,

    /// <summary>Proven; the account belongs to the member.</summary>
    Verified = 1,

    /// <summary>Refused by an admin.</summary>
    Rejected = 2,
}

/// <summary>How a claim was proven.</summary>
public enum ClaimProof
{
    /// <summary>Not proven yet.</summary>
    None = 0,

    /// <summary>An import found the one-time code in a post by the account.</summary>
    PostedCode = 1,

    /// <summary>An admin approved it.</summary>
    AdminApproval = 2,
}
