using System.Text;
using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Formats;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Canonical;

/// <summary>Reads the canonical JSON Lines format: one account, post or interaction object per line.</summary>
/// <remarks>
/// Each line is transcoded to UTF-8 into a reused buffer and walked with <see cref="Utf8JsonReader"/>, so no DOM is
/// built. Field names are snake_case; <c>type</c> says which record the line is. Unknown fields, fields of another
/// record type and repeated fields are errors, so that a typo is reported instead of silently dropped. JSON
/// <c>null</c> means absent. Ids and times are JSON strings; <c>weight</c> is a JSON number; <c>hashtags</c> an array of
/// strings. Blank lines are skipped. See docs/data-formats.md.
/// </remarks>
public sealed class CanonicalJsonlReader : IRecordReader
{
    public string Format => "jsonl";

    public string Description => "Canonical JSON Lines: one {\"type\":\"account|post|interaction\",...} object per line.";

    public string? Validate(ReaderOptions options) => ReaderOptionChecks.NetworkOnly(Format, options);

    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        return ReadLines(input, file, options.Network);
    }

    private static IEnumerable<SourceRecord> ReadLines(TextReader input, string file, string? defaultNetwork)
    {
        var lines = new LineReader(input);
        var builder = new CanonicalRecordBuilder();
        var bytes = new Utf8Buffer();
        while (lines.MoveNext())
        {
            var line = lines.Line;
            if (Fields.IsBlank(line))
            {
                continue;
            }
            yield return ParseLine(bytes.Encode(line), line, lines.LineNumber, file, defaultNetwork, builder);
        }
    }

    private static SourceRecord ParseLine(
        ReadOnlySpan<byte> json, ReadOnlySpan<char> line, long number, string file, string? defaultNetwork, CanonicalRecordBuilder builder)
    {
        builder.Clear();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Error(file, number, null, "must be a JSON object", line);
            }
            var seen = 0;
            CanonicalType? type = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!TryMatchName(ref reader, out var field))
                {
                    return Error(file, number, reader.GetString(), "is not a field of the canonical format", line);
                }
                var name = CanonicalSchema.Name(field);
                if ((seen & (1 << (int)field)) != 0)
                {
                    return Error(file, number, name, "appears more than once", line);
                }
                seen |= 1 << (int)field;
                reader.Read();
                var problem = field switch
                {
                    CanonicalField.Hashtags => ReadHashtags(ref reader, builder),
                    CanonicalField.Weight => ReadNumber(ref reader, builder, field),
                    _ => ReadString(ref reader, builder, field),
                };
                if (problem is not null)
                {
                    return Error(file, number, name, problem, line);
                }
                if (field == CanonicalField.Type)
                {
                    var typeText = builder[CanonicalField.Type];
                    if (typeText is null || !CanonicalSchema.TryParseType(typeText, out var parsed))
                    {
                        return Error(file, number, "type", "must be account, post or interaction", typeText ?? "null");
                    }
                    type = parsed;
                }
            }
            if (reader.Read())
            {
                return Error(file, number, null, "must hold exactly one JSON object", line);
            }
            if (type is not { } recordType)
            {
                return Error(file, number, "type", "is required (account, post or interaction)", line);
            }
            for (var f = CanonicalField.Network; f <= CanonicalField.Weight; f++)
            {
                if ((seen & (1 << (int)f)) != 0 && !CanonicalSchema.Allows(recordType, f))
                {
                    return Error(file, number, CanonicalSchema.Name(f), $"is not a field of {CanonicalSchema.TypeName(recordType)} records", line);
                }
            }
            return builder.Build(recordType, file, number, defaultNetwork, line);
        }
        catch (JsonException ex)
        {
            return Error(file, number, null, $"is not valid JSON (at byte {ex.BytePositionInLine + 1})", line);
        }
    }

    private static bool TryMatchName(ref Utf8JsonReader reader, out CanonicalField field)
    {
        for (var f = CanonicalField.Type; f <= CanonicalField.Weight; f++)
        {
            if (reader.ValueTextEquals(CanonicalSchema.Utf8Name(f)))
            {
                field = f;
                return true;
            }
        }
        field = default;
        return false;
    }

    private static string? ReadString(ref Utf8JsonReader reader, CanonicalRecordBuilder builder, CanonicalField field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                builder[field] = reader.GetString();
                return null;
            case JsonTokenType.Null:
                return null;
            default:
                return $"must be a JSON string or null, not {JsonTokens.Describe(reader.TokenType)}";
        }
    }

    private static string? ReadNumber(ref Utf8JsonReader reader, CanonicalRecordBuilder builder, CanonicalField field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                builder[field] = Encoding.UTF8.GetString(reader.ValueSpan);
                return null;
            case JsonTokenType.Null:
                return null;
            default:
                return $"must be a JSON number or null, not {JsonTokens.Describe(reader.TokenType)}";
        }
    }

    private static string? ReadHashtags(ref Utf8JsonReader reader, CanonicalRecordBuilder builder)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return $"must be an array of strings, not {JsonTokens.Describe(reader.TokenType)}";
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return $"must be an array of strings, but holds {JsonTokens.Describe(reader.TokenType)}";
            }
            builder.Hashtags.Add(reader.GetString()!);
        }
        return null;
    }

    private static SourceRecord Error(string file, long line, string? field, string message, ReadOnlySpan<char> text) =>
        SourceRecord.Of(RecordError.At(file, line, field, message, text));
}
