using System.Text.Json;
using Resonance.Ingest.Canonical;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Typed access to the fields of a JSON object, throwing <see cref="MalformedFieldException"/> with the field's
/// path when a value is missing or of the wrong type. <c>null</c> counts as absent.</summary>
internal static class JsonFields
{
    /// <summary>A non-empty string.</summary>
    public static string RequiredString(JsonElement obj, string name, string path) =>
        OptionalString(obj, name, path) is { Length: > 0 } text ? text : throw Missing(obj, name, path, "a non-empty string");

    /// <summary>A string, or null when absent.</summary>
    public static string? OptionalString(JsonElement obj, string name, string path) =>
        Get(obj, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : throw Wrong(value, name, path, "a string");

    /// <summary>An object, or null when absent.</summary>
    public static JsonElement? OptionalObject(JsonElement obj, string name, string path) => Of(obj, name, path, JsonValueKind.Object, "an object");

    /// <summary>An object.</summary>
    public static JsonElement RequiredObject(JsonElement obj, string name, string path) =>
        OptionalObject(obj, name, path) ?? throw Missing(obj, name, path, "an object");

    /// <summary>An array, or null when absent.</summary>
    public static JsonElement? OptionalArray(JsonElement obj, string name, string path) => Of(obj, name, path, JsonValueKind.Array, "an array");

    /// <summary>An ISO-8601 time with an offset (<c>2023-05-28T12:06:50.000Z</c>).</summary>
    public static DateTimeOffset RequiredTime(JsonElement obj, string name, string path) =>
        OptionalTime(obj, name, path) ?? throw Missing(obj, name, path, "a time");

    /// <summary>An ISO-8601 time with an offset, or null when absent.</summary>
    public static DateTimeOffset? OptionalTime(JsonElement obj, string name, string path)
    {
        if (OptionalString(obj, name, path) is not { } text)
        {
            return null;
        }
        return IsoTime.TryParse(text, out var time) ? time : throw Wrong(obj.GetProperty(name), name, path, "an ISO-8601 time with a UTC offset");
    }

    /// <summary>The property's value, or null when it is absent or JSON <c>null</c>.</summary>
    public static JsonElement? Get(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>An error for a value of the wrong kind.</summary>
    public static MalformedFieldException Wrong(JsonElement value, string name, string path, string expected) =>
        new(path + name, $"must be {expected}", value.GetRawText());

    private static JsonElement? Of(JsonElement obj, string name, string path, JsonValueKind kind, string expected) =>
        Get(obj, name) is not { } value ? null : value.ValueKind == kind ? value : throw Wrong(value, name, path, expected);

    private static MalformedFieldException Missing(JsonElement obj, string name, string path, string expected) =>
        Get(obj, name) is { } value ? Wrong(value, name, path, expected) : new(path + name, $"is required ({expected})", obj.GetRawText());
}
