namespace Resonance.Storage.Entities;

/// <summary>An account; natural key (network, external id).</summary>
public sealed class AccountEntity
{
    public long Id { get; set; }
    public int NetworkId { get; set; }
    public required string ExternalId { get; set; }
    public string? Handle { get; set; }
    public string? DisplayName { get; set; }
}
