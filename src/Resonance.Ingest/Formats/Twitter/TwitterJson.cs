using System.Text;
using System.Text.Json;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>Value readers shared by the Twitter parsers; they throw <see cref="TwitterFieldException"/> for a wrong type.</summary>
internal static class TwitterJson
{
    private const int MaxPooledLength = 64;

    /// <summary>The current value as a string: a JSON string, or a number's digits (some exports write ids as numbers); null for JSON null.</summary>
    public static string? String(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new TwitterFieldException(field, $"must be a string, not {JsonTokens.Describe(reader.TokenType)}"),
    };

    /// <summary>Like <see cref="String"/>, but short unescaped values (ids, handles) come from <paramref name="pool"/>.</summary>
    public static string? Pooled(ref Utf8JsonReader reader, string field, StringPool pool)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number && !reader.ValueIsEscaped && !reader.HasValueSequence
            && reader.ValueSpan.Length <= MaxPooledLength)
        {
            Span<char> chars = stackalloc char[MaxPooledLength];
            var count = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
            return pool.Get(chars[..count]);
        }
        return String(ref reader, field);
    }

    /// <summary>Throws unless the current token is <paramref name="expected"/> (an object or array start); false for JSON null.</summary>
    public static bool Expect(ref Utf8JsonReader reader, JsonTokenType expected, string field)
    {
        if (reader.TokenType == expected)
        {
            return true;
        }
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }
        var what = expected == JsonTokenType.StartArray ? "an array" : "an object";
        throw new TwitterFieldException(field, $"must be {what}, not {JsonTokens.Describe(reader.TokenType)}");
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Moves to the next element of the current array; false at its end.</summary>
    public static bool NextElement(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType != JsonTokenType.EndArray;

    /// <summary>At most <see cref="Domain.RecordError.MaxTextLength"/> characters of <paramref name="json"/>, for an error's offending text.</summary>
    public static string Excerpt(ReadOnlySpan<byte> json)
    {
        var cut = json[..Math.Min(json.Length, Domain.RecordError.MaxTextLength * 4)];
        var text = Encoding.UTF8.GetString(cut);
        return text.Length <= Domain.RecordError.MaxTextLength ? text : text[..Domain.RecordError.MaxTextLength];
    }
}
