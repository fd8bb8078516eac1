namespace Resonance.Ingest.Text;

/// <summary>The canonical hashtag rule shared by every reader (docs/data-formats.md, "Hashtags").</summary>
internal static class Hashtags
{
    /// <summary>Strips a leading '#', lower-cases (invariant) and drops empty tags and repeats, keeping first-appearance order.</summary>
    public static string[] Normalise(IReadOnlyCollection<string> raw)
    {
        if (raw.Count == 0)
        {
            return [];
        }
        var result = new List<string>(raw.Count);
        foreach (var text in raw)
        {
            var tag = text.AsSpan().Trim().TrimStart('#').ToString().ToLowerInvariant();
            if (tag.Length > 0 && !result.Contains(tag))
            {
                result.Add(tag);
            }
        }
        return [.. result];
    }
}
