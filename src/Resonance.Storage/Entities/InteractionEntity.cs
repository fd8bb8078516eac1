namespace Resonance.Storage.Entities;

/// <summary>
/// One interaction (actor acted on target). Written only through the bulk path, never through the change tracker.
/// Primary key: the natural key (actor, target, kind, occurred_at_ms, post_key); the network is implied by the accounts.
/// </summary>
public sealed class InteractionEntity
{
    /// <summary>Stored in <see cref="OccurredAtMs"/> for untimed interactions, so that the natural key has no NULL in it.</summary>
    public const long Untimed = long.MinValue;

    public int NetworkId { get; set; }
    public long ActorId { get; set; }
    public long TargetId { get; set; }
    public short Kind { get; set; }
    /// <summary>Unix time in milliseconds (UTC), or <see cref="Untimed"/>.</summary>
    public long OccurredAtMs { get; set; }
    /// <summary>External id of the post involved, or the empty string.</summary>
    public string PostKey { get; set; } = "";
    public double Weight { get; set; } = 1.0;
}
