namespace Resonance.Domain;

/// <summary>One action of an actor on a target account or its content.</summary>
/// <remarks>
/// Direction is fixed: <see cref="ActorId"/> acted on <see cref="TargetId"/>'s content or person
/// (A retweeted B: actor A, target B). Influence flows from target to actor, so engagement received is counted
/// on the target. The natural key is (network, actor, target, kind, time, post id): importing the same
/// interaction twice stores it once.
/// </remarks>
/// <param name="Network">The network the interaction happened on.</param>
/// <param name="OccurredAt">When it happened; null for untimed sources such as aggregated edge lists.</param>
/// <param name="ActorId">External id of the account that acted.</param>
/// <param name="TargetId">External id of the account acted upon.</param>
/// <param name="Kind">What the actor did.</param>
/// <param name="PostId">External id of the target's post involved, if known.</param>
/// <param name="Weight">How many times or how strongly; positive and finite, default 1.</param>
public sealed record Interaction(
    string Network,
    DateTimeOffset? OccurredAt,
    string ActorId,
    string TargetId,
    InteractionKind Kind,
    string? PostId = null,
    double Weight = 1.0);
