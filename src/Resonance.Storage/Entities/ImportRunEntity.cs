namespace Resonance.Storage.Entities;

/// <summary>One committed import: when, what, from which files, and what it added.</summary>
public sealed class ImportRunEntity
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset FinishedAt { get; set; }
    public required string Format { get; set; }
    /// <summary>The input paths, one per line.</summary>
    public required string Files { get; set; }
    public bool Lenient { get; set; }
    public long RecordsRead { get; set; }
    public long ErrorsSkipped { get; set; }
    public long AccountsAdded { get; set; }
    public long AccountsUpdated { get; set; }
    public long PostsAdded { get; set; }
    public long InteractionsAdded { get; set; }
    public long DuplicatesSkipped { get; set; }
}
