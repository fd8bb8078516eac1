namespace Resonance.Storage.Entities;

/// <summary>A network or dataset name; interactions and accounts refer to it by a small integer id.</summary>
public sealed class NetworkEntity
{
    public int Id { get; set; }
    public required string Name { get; set; }
}
