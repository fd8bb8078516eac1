namespace Resonance.Storage.Members;

/// <summary>What remains of an erased account: a salted hash of its network and external id, so that later imports
/// skip it without the instance keeping who it was.</summary>
public sealed class TombstoneEntity
{
    /// <summary>Lower-case hex SHA-256 of salt ‖ network ‖ 0x1f ‖ external id.</summary>
    public required string Hash { get; set; }
    /// <summary>When the account was erased (Unix ms).</summary>
    public long ErasedAtMs { get; set; }
}
