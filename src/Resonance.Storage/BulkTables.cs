namespace Resonance.Storage;

/// <summary>The bulk tables whose secondary indexes an import defers when they are empty (see ADR 0002).</summary>
/// <remarks><c>posts</c> is not among them: its unique index is what <c>INSERT OR IGNORE</c> / <c>ON CONFLICT</c> rely on.</remarks>
internal static class BulkTables
{
    public static readonly string[] WithDeferrableIndexes = ["accounts", "interactions"];
}
