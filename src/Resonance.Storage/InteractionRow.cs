using Resonance.Domain;

namespace Resonance.Storage;

/// <summary>An interaction with its account ids resolved, ordered by (actor, target) like the primary key.</summary>
internal readonly record struct InteractionRow(long ActorId, long TargetId, int NetworkId, Interaction Interaction) : IComparable<InteractionRow>
{
    public int CompareTo(InteractionRow other)
    {
        var c = ActorId.CompareTo(other.ActorId);
        return c != 0 ? c : TargetId.CompareTo(other.TargetId);
    }
}
