using Resonance.Domain;

namespace Resonance.Storage;

/// <summary>An interaction with its account ids resolved, ordered by (actor, target) like the primary key, then by its
/// position in the batch (<paramref name="Order"/>), so that the sort is stable: of two copies of one natural key with
/// different weights, the earlier one is inserted first and kept, whatever the sort algorithm does with equal keys.</summary>
internal readonly record struct InteractionRow(long ActorId, long TargetId, int NetworkId, Interaction Interaction, int Order) : IComparable<InteractionRow>
{
    public int CompareTo(InteractionRow other)
    {
        var c = ActorId.CompareTo(other.ActorId);
        c = c != 0 ? c : TargetId.CompareTo(other.TargetId);
        return c != 0 ? c : Order.CompareTo(other.Order);
    }
}
