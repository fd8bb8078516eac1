using System.Buffers;
using System.Text;
using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>The reading loop shared by the JSON Bluesky formats: one JSON object per line (JSON Lines), each mapped to records.</summary>
/// <remarks>
/// Blank lines are skipped. A line that is not JSON, or whose mapping throws <see cref="DataModelException"/>, becomes
/// one <see cref="RecordError"/> at its line number. With <c>allowPrettyDocument</c>, an input whose first line is a
/// lone <c>{</c> is read as one pretty-printed JSON object (a single message saved to a file), numbered 1; one
/// message is small (the firehose caps them at a few MB), so memory stays bounded.
/// </remarks>
internal static class JsonMessages
{
    /// <summary>Maps one message, given as the UTF-8 bytes of its JSON, at a line number, appending to the output.</summary>
    /// <remarks>Throws <see cref="JsonException"/> for a message that is not JSON and <see cref="DataModelException"/>
    /// for one that breaks the format; either becomes one error at the line.</remarks>
    public delegate void Mapper(ReadOnlyMemory<byte> json, long line, List<SourceRecord> output);

    /// <summary>Reads <paramref name="input"/> and yields what <paramref name="map"/> makes of each message.</summary>
    public static IEnumerable<SourceRecord> Read(TextReader input, string file, Mapper map, bool allowPrettyDocument)
    {
        var lines = new LineReader(input);
        var output = new List<SourceRecord>();
        var bytes = new ArrayBufferWriter<byte>(1 << 12);
        while (lines.MoveNext())
        {
            var line = lines.Line;
            if (line.IsWhiteSpace())
            {
                continue;
            }
            var number = lines.LineNumber;
            bytes.ResetWrittenCount();
            if (allowPrettyDocument && number == 1 && line.Trim().SequenceEqual("{"))
            {
                var document = new StringBuilder().Append(line).Append('\n');
                while (lines.MoveNext())
                {
                    document.Append(lines.Line).Append('\n');
                }
                Encoding.UTF8.GetBytes(document.ToString(), bytes);
            }
            else
            {
                Encoding.UTF8.GetBytes(line, bytes);
            }
            output.Clear();
            MapOne(bytes.WrittenMemory, file, number, map, output);
            foreach (var record in output)
            {
                yield return record;
            }
        }
    }

    private static void MapOne(ReadOnlyMemory<byte> json, string file, long number, Mapper map, List<SourceRecord> output)
    {
        try
        {
            map(json, number, output);
        }
        catch (JsonException e)
        {
            output.Clear();
            output.Add(SourceRecord.Of(RecordError.At(file, number, null, $"not valid JSON: {e.Message}", Encoding.UTF8.GetString(json.Span[..Math.Min(json.Length, 400)]))));
        }
        catch (DataModelException e)
        {
            output.Clear();
            output.Add(SourceRecord.Of(RecordError.At(file, number, e.Field, e.Message, Encoding.UTF8.GetString(json.Span[..Math.Min(json.Length, 400)]))));
        }
    }

    /// <summary>Parses a whole message into a document whose root is an object.</summary>
    /// <exception cref="JsonException">It is not JSON.</exception>
    /// <exception cref="DataModelException">It is JSON but not an object.</exception>
    public static JsonDocument ParseObject(ReadOnlyMemory<byte> json)
    {
        var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw NotAnObject();
        }
        return document;
    }

    /// <summary>The error for a message that is valid JSON but not an object.</summary>
    public static DataModelException NotAnObject() => new(null, "must be a JSON object");

    /// <summary>A required string property.</summary>
    /// <exception cref="DataModelException">It is missing or not a string.</exception>
    public static string String(JsonElement obj, string name, string? path = null) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new DataModelException(path ?? name, "must be a string");

    /// <summary>A required object property.</summary>
    /// <exception cref="DataModelException">It is missing or not an object.</exception>
    public static JsonElement Object(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : throw new DataModelException(name, "must be an object");
}
