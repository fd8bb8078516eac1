namespace Resonance.Storage;

/// <summary>The bulk tables whose indexes an import defers when they are empty (see ADR 0002).</summary>
/// <remarks><c>posts</c> is not among them: its unique index is what <c>INSERT OR IGNORE</c> / <c>ON CONFLICT</c> rely on.</remarks>
internal static class BulkTables
{
    public static readonly string[] WithDeferrableIndexes = ["accounts", "interactions"];

    /// <summary>Tables whose primary key is the natural key: where PostgreSQL defers it, duplicates are removed at commit.</summary>
    public static readonly string[] WithNaturalKey = ["interactions"];
}
