namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Typed access to a decoded data-model map (see <see cref="DagCbor"/>), naming the field in every error.</summary>
internal static class DataModel
{
    /// <summary>A required string field.</summary>
    /// <exception cref="DataModelException">The field is missing or not a string.</exception>
    public static string String(this IReadOnlyDictionary<string, object?> map, string field, string? path = null) =>
        map.GetValueOrDefault(field) as string ?? throw Missing(path ?? field, "a string");

    /// <summary>An optional string field: null when absent or null.</summary>
    /// <exception cref="DataModelException">The field is present with another type.</exception>
    public static string? OptionalString(this IReadOnlyDictionary<string, object?> map, string field, string? path = null) =>
        map.GetValueOrDefault(field) switch
        {
            null => null,
            string s => s,
            _ => throw Missing(path ?? field, "a string"),
        };

    /// <summary>An optional map field: null when absent or null.</summary>
    /// <exception cref="DataModelException">The field is present with another type.</exception>
    public static IReadOnlyDictionary<string, object?>? OptionalMap(this IReadOnlyDictionary<string, object?> map, string field, string? path = null) =>
        map.GetValueOrDefault(field) switch
        {
            null => null,
            Dictionary<string, object?> m => m,
            _ => throw Missing(path ?? field, "a map"),
        };

    /// <summary>A required map field.</summary>
    /// <exception cref="DataModelException">The field is missing or not a map.</exception>
    public static IReadOnlyDictionary<string, object?> Map(this IReadOnlyDictionary<string, object?> map, string field, string? path = null) =>
        map.OptionalMap(field, path) ?? throw Missing(path ?? field, "a map");

    /// <summary>An optional array field: empty when absent or null.</summary>
    /// <exception cref="DataModelException">The field is present with another type.</exception>
    public static IReadOnlyList<object?> List(this IReadOnlyDictionary<string, object?> map, string field, string? path = null) =>
        map.GetValueOrDefault(field) switch
        {
            null => [],
            List<object?> l => l,
            _ => throw Missing(path ?? field, "an array"),
        };

    /// <summary>A required CID link field.</summary>
    /// <exception cref="DataModelException">The field is missing or not a link.</exception>
    public static Cid Link(this IReadOnlyDictionary<string, object?> map, string field) =>
        map.GetValueOrDefault(field) is Cid cid ? cid : throw Missing(field, "a CID link");

    /// <summary>An optional CID link field: null when absent or null.</summary>
    /// <exception cref="DataModelException">The field is present with another type.</exception>
    public static Cid? OptionalLink(this IReadOnlyDictionary<string, object?> map, string field) =>
        map.GetValueOrDefault(field) switch
        {
            null => null,
            Cid cid => cid,
            _ => throw Missing(field, "a CID link"),
        };

    private static DataModelException Missing(string field, string what) => new(field, $"must be {what}");
}
