using Resonance.Application.Members;

namespace Resonance.Storage.Members;

/// <summary>An invitation from a marketer to a discoverable member.</summary>
public sealed class InvitationEntity
{
    public long Id { get; set; }
    public required string FromUserId { get; set; }
    public required string ToUserId { get; set; }
    public InvitationKind Kind { get; set; }
    public required string Message { get; set; }
    public InvitationStatus Status { get; set; }
    public long SentAtMs { get; set; }
    public long? DecidedAtMs { get; set; }
}

/// <summary>An API token: only the SHA-256 of its secret is kept.</summary>
public sealed class ApiTokenEntity
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-case hex SHA-256 of the secret.</summary>
    public required string SecretHash { get; set; }
    /// <summary>Scopes separated by single spaces.</summary>
    public required string Scopes { get; set; }
    public long CreatedAtMs { get; set; }
    public long? LastUsedAtMs { get; set; }
    public bool Revoked { get; set; }
}

/// <summary>A scoring run started from the admin pages, run in the background with its progress.</summary>
public sealed class ScoringJobEntity
{
    public long Id { get; set; }
    public required string RequestedBy { get; set; }
    public required string Algorithm { get; set; }
    public string? Network { get; set; }
    public required string State { get; set; }
    public string? Phase { get; set; }
    public double Progress { get; set; }
    public long? RunId { get; set; }
    public string? Error { get; set; }
    public long CreatedAtMs { get; set; }
    public long? FinishedAtMs { get; set; }
}
