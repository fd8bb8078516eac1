namespace Resonance.Application.Importing;

/// <summary>What an import added and what it found already present.</summary>
/// <remarks>
/// Accounts are added both from account records and implicitly, when a post or interaction names an account
/// not seen before. A duplicate is a record whose natural key was already stored (or appeared earlier in the same import).
/// </remarks>
public sealed record ImportCounts
{
    public long AccountsAdded { get; init; }
    /// <summary>Account records that named an existing account and changed its handle or display name.</summary>
    public long AccountsUpdated { get; init; }
    /// <summary>Account records that named an existing account and changed nothing.</summary>
    public long AccountsDuplicate { get; init; }
    public long PostsAdded { get; init; }
    public long PostsDuplicate { get; init; }
    public long InteractionsAdded { get; init; }
    public long InteractionsDuplicate { get; init; }

    /// <summary>Every duplicate record skipped.</summary>
    public long DuplicatesSkipped => AccountsDuplicate + PostsDuplicate + InteractionsDuplicate;

    public static ImportCounts Zero { get; } = new();

    /// <summary>The counts for one written batch: duplicates are the records offered minus those added.</summary>
    public static ImportCounts ForBatch(ImportBatch batch, long accountsAdded, long accountsUpdated, long accountsDuplicate, long postsAdded, long interactionsAdded) => new()
    {
        AccountsAdded = accountsAdded,
        AccountsUpdated = accountsUpdated,
        AccountsDuplicate = accountsDuplicate,
        PostsAdded = postsAdded,
        PostsDuplicate = batch.Posts.Count - postsAdded,
        InteractionsAdded = interactionsAdded,
        InteractionsDuplicate = batch.Interactions.Count - interactionsAdded,
    };

    public static ImportCounts operator +(ImportCounts a, ImportCounts b) => new()
    {
        AccountsAdded = a.AccountsAdded + b.AccountsAdded,
        AccountsUpdated = a.AccountsUpdated + b.AccountsUpdated,
        AccountsDuplicate = a.AccountsDuplicate + b.AccountsDuplicate,
        PostsAdded = a.PostsAdded + b.PostsAdded,
        PostsDuplicate = a.PostsDuplicate + b.PostsDuplicate,
        InteractionsAdded = a.InteractionsAdded + b.InteractionsAdded,
        InteractionsDuplicate = a.InteractionsDuplicate + b.InteractionsDuplicate,
    };
}
