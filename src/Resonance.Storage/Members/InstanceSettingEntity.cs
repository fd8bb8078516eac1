namespace Resonance.Storage.Members;

/// <summary>A per-instance value kept in the database, such as the tombstone salt.</summary>
public sealed class InstanceSettingEntity
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}
