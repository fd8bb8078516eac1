using Resonance.Domain;

namespace Resonance.Application.Importing;

/// <summary>A slice of records handed to the store in one call; accounts are written before posts, posts before interactions.</summary>
public sealed class ImportBatch
{
    public List<Account> Accounts { get; } = [];
    public List<Post> Posts { get; } = [];
    public List<Interaction> Interactions { get; } = [];

    /// <summary>Number of records in the batch.</summary>
    public int Count => Accounts.Count + Posts.Count + Interactions.Count;

    /// <summary>Empties the batch for reuse.</summary>
    public void Clear()
    {
        Accounts.Clear();
        Posts.Clear();
        Interactions.Clear();
    }
}
