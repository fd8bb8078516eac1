using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Converts the JSON representation of the AT Protocol data model into the values <see cref="DagCbor"/> produces.</summary>
/// <remarks>
/// <para>Spec: https://atproto.com/specs/data-model#json-representation. <c>{"$link": "bafy…"}</c> is a CID,
/// <c>{"$bytes": "base64"}</c> (standard alphabet, padding optional) is a byte string; numbers must be integers
/// (<c>123.0</c> counts as one); an object with <c>$link</c> or <c>$bytes</c> holds nothing else; <c>$type</c>, where
/// present, is a non-empty string; a <c>blob</c> has a <c>ref</c> link, a string <c>mimeType</c> and an integer size.</para>
/// <para>Read straight from a <see cref="Utf8JsonReader"/> in one pass (no <see cref="JsonDocument"/> first): O(n) in
/// the JSON's length, deterministic. Which error an invalid value gives is as if each object were checked whole: an
/// object with <c>$link</c> or <c>$bytes</c> reports that field before any problem inside its other members, otherwise
/// the first invalid member in document order, then <c>$type</c>, then the blob shape. A repeated key keeps its last
/// value. Keys are shared through a <see cref="Utf8StringCache"/> when one is given.</para>
/// </remarks>
internal static class DataModelJson
{
    /// <summary>Converts <paramref name="element"/>.</summary>
    /// <exception cref="DataModelException">The JSON breaks the data model (a float, a malformed link or bytes).</exception>
    public static object? Convert(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new DataModelException(null, $"unexpected JSON {element.ValueKind}");
        }
        var reader = new Utf8JsonReader(JsonMarshal.GetRawUtf8Value(element));
        reader.Read();
        return Read(ref reader, null);
    }

    /// <summary>Converts a record: the value must be an object.</summary>
    /// <exception cref="DataModelException">It is not an object, or breaks the data model.</exception>
    public static Dictionary<string, object?> ConvertRecord(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? (Dictionary<string, object?>)Convert(element)! : throw NotARecord();

    /// <summary>Converts the record whose first token <paramref name="reader"/> is on, leaving it on the record's last token.</summary>
    /// <exception cref="DataModelException">It is not an object, or breaks the data model.</exception>
    public static Dictionary<string, object?> ReadRecord(ref Utf8JsonReader reader, Utf8StringCache? keys) =>
        reader.TokenType == JsonTokenType.StartObject ? (Dictionary<string, object?>)ReadObject(ref reader, keys)! : throw NotARecord();

    /// <summary>Converts the value whose first token <paramref name="reader"/> is on, leaving it on the value's last token.</summary>
    /// <exception cref="DataModelException">The JSON breaks the data model.</exception>
    public static object? Read(ref Utf8JsonReader reader, Utf8StringCache? keys)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Integer(ref reader);
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    list.Add(Read(ref reader, keys));
                }
                return list;
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, keys);
            default:
                throw new DataModelException(null, $"unexpected JSON {reader.TokenType}");
        }
    }

    private static DataModelException NotARecord() => new(null, "a record must be a JSON object");

    private static long Integer(ref Utf8JsonReader reader) =>
        reader.TryGetInt64(out var n) ? n
        : reader.TryGetDouble(out var d) && d == Math.Floor(d) && Math.Abs(d) < 9e15 ? (long)d
        : throw new DataModelException(null, $"number {Encoding.UTF8.GetString(reader.ValueSpan)} is not an integer (floats are not allowed)");

    private static object? ReadObject(ref Utf8JsonReader reader, Utf8StringCache? keys)
    {
        var start = reader;
        Members members;
        try
        {
            members = ReadMembers(ref reader, keys);
        }
        catch (DataModelException) when (SpecialKey(start) is { } key)
        {
            // A member was invalid, but the object has $link or $bytes, which is reported first.
            throw OnlyField(key);
        }
        if (members.Special is { } special)
        {
            if (members.Count != 1 || members.SpecialText is not { } text)
            {
                throw OnlyField(special);
            }
            return special == "$link"
                ? Cid.TryParse(text, out var cid) is { } problem ? throw new DataModelException("$link", problem) : cid
                : Base64(text);
        }
        var map = members.Map;
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

    /// <summary>Reads an object's members up to its end; <c>$link</c> and <c>$bytes</c> are noted, not converted.</summary>
    private static Members ReadMembers(ref Utf8JsonReader reader, Utf8StringCache? keys)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        var count = 0;
        string? special = null;
        string? specialText = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            count++;
            var key = reader.ValueIsEscaped || keys is null ? reader.GetString()! : keys.Get(reader.ValueSpan);
            reader.Read();
            if (key is "$link" or "$bytes")
            {
                // $link wins over $bytes; either must be the only member, holding a string.
                special = special == "$link" ? special : key;
                specialText = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                reader.Skip();
                continue;
            }
            map[key] = Read(ref reader, keys);
        }
        return new Members(map, count, special, specialText);
    }

    private readonly record struct Members(Dictionary<string, object?> Map, int Count, string? Special, string? SpecialText);

    /// <summary><c>$link</c> or <c>$bytes</c> (in that order) when the object starting at <paramref name="reader"/> has
    /// such a member, else null. Only used on the error path.</summary>
    private static string? SpecialKey(Utf8JsonReader reader)
    {
        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("$link"u8))
            {
                found = "$link";
            }
            else if (reader.ValueTextEquals("$bytes"u8))
            {
                found ??= "$bytes";
            }
            reader.Read();
            reader.Skip();
        }
        return found;
    }

    private static DataModelException OnlyField(string key) => new(key, "must be the object's only field, holding a string");

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
