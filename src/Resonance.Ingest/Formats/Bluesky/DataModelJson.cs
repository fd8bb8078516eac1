using System.Text.Json;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Converts the JSON representation of the AT Protocol data model into the values <see cref="DagCbor"/> produces.</summary>
/// <remarks>
/// Spec: https://atproto.com/specs/data-model#json-representation. <c>{"$link": "bafy…"}</c> is a CID,
/// <c>{"$bytes": "base64"}</c> (standard alphabet, padding optional) is a byte string; numbers must be integers
/// (<c>123.0</c> counts as one); an object with <c>$link</c> or <c>$bytes</c> holds nothing else; <c>$type</c>, where
/// present, is a non-empty string; a <c>blob</c> has a <c>ref</c> link, a string <c>mimeType</c> and an integer <c>size</c>.
/// </remarks>
internal static class DataModelJson
{
    /// <summary>Converts <paramref name="element"/>.</summary>
    /// <exception cref="DataModelException">The JSON breaks the data model (a float, a malformed link or bytes).</exception>
    public static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => Integer(element),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.Object => ConvertObject(element),
        _ => throw new DataModelException(null, $"unexpected JSON {element.ValueKind}"),
    };

    /// <summary>Converts a record: the value must be an object.</summary>
    /// <exception cref="DataModelException">It is not an object, or breaks the data model.</exception>
    public static Dictionary<string, object?> ConvertRecord(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? (Dictionary<string, object?>)ConvertObject(element)! : throw new DataModelException(null, "a record must be a JSON object");

    private static long Integer(JsonElement element) =>
        element.TryGetInt64(out var n) ? n
        : element.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15 ? (long)d
        : throw new DataModelException(null, $"number {element.GetRawText()} is not an integer (floats are not allowed)");

    private static object? ConvertObject(JsonElement element)
    {
        if (element.TryGetProperty("$link", out var link))
        {
            var text = Only(element, "$link", link);
            return Cid.TryParse(text, out var cid) is { } problem ? throw new DataModelException("$link", problem) : cid;
        }
        if (element.TryGetProperty("$bytes", out var bytes))
        {
            return Base64(Only(element, "$bytes", bytes));
        }
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = Convert(property.Value);
        }
        if (map.TryGetValue("$type", out var type) && type is not string { Length: > 0 })
        {
            throw new DataModelException("$type", "must be a non-empty string");
        }
        if (type is "blob" && (map.GetValueOrDefault("ref") is not Cid || map.GetValueOrDefault("mimeType") is not string || map.GetValueOrDefault("size") is not long))
        {
            throw new DataModelException("blob", "must have a ref link, a string mimeType and an integer size");
        }
        return map;
    }

    private static string Only(JsonElement element, string key, JsonElement value) =>
        value.ValueKind == JsonValueKind.String && element.EnumerateObject().Count() == 1
            ? value.GetString()!
            : throw new DataModelException(key, "must be the object's only field, holding a string");

    /// <summary>Decodes base64 with or without padding.</summary>
    /// <exception cref="DataModelException">It is not base64.</exception>
    public static byte[] Base64(string text)
    {
        var padded = text.Length % 4 == 0 ? text : text + new string('=', 4 - text.Length % 4);
        try
        {
            return System.Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            throw new DataModelException("$bytes", "is not base64");
        }
    }
}
