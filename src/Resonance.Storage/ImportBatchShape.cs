using Resonance.Domain;

namespace Resonance.Storage;

/// <summary>Provider-neutral shaping of batch values for storage.</summary>
internal static class ImportBatchShape
{
    /// <summary>Hashtags as stored: space-separated, or null when there are none.</summary>
    public static string? Hashtags(Post post) => post.Hashtags.Count == 0 ? null : string.Join(' ', post.Hashtags);
}
