using System.Text.Json;
using System.Text.Json.Serialization;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Scoring;

/// <summary>Writes an <see cref="AlgorithmId"/> as its string form (<c>resonance@1</c>) and parses it back.</summary>
internal sealed class AlgorithmIdJsonConverter : JsonConverter<AlgorithmId>
{
    public override AlgorithmId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? AlgorithmId.Parse(reader.GetString()!)
            : throw new JsonException($"Expected an algorithm id string such as \"resonance@1\", found {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, AlgorithmId value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
