using System.Text.Json;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>The fields of one Jetstream event that <see cref="JetstreamReader"/> uses, read from its JSON in one pass with
/// <see cref="Utf8JsonReader"/> (no <see cref="JsonDocument"/>).</summary>
/// <remarks>
/// <para>Reading checks that the line is one JSON object (a <see cref="JsonException"/> otherwise, or a
/// <see cref="DataModelException"/> when it is JSON but not an object) and notes the top-level <c>did</c> and
/// <c>kind</c> and <c>time_us</c>, the <c>commit</c>'s <c>operation</c>, <c>collection</c>, <c>rkey</c> and where its <c>record</c> lies,
/// and the <c>identity</c>'s <c>handle</c>. Every field is optional here: the reader decides what a missing or
/// mistyped one means (a string field of another type reads as null). A repeated key keeps its last value.</para>
/// <para>With <c>eager</c>, a record the event will need (a create in an imported collection, or a profile update)
/// is converted to the data-model tree (<see cref="DataModelJson"/>) in the same pass, when the commit's operation and
/// collection come before it, as Jetstream writes them; otherwise <see cref="Record"/> converts it from the noted
/// bytes. A record that breaks the data model throws from the eager pass, so the caller reads the line again without
/// it and meets the problem at <see cref="Record"/>, after the event's own fields are checked. O(line length).</para>
/// </remarks>
internal sealed class JetstreamEvent
{
    private readonly Utf8StringCache strings = new();
    private int recordStart;
    private int recordEnd;
    private Dictionary<string, object?>? record;

    /// <summary>The top-level <c>did</c>, when a string.</summary>
    public string? Did { get; private set; }

    /// <summary>The top-level <c>time_us</c> (when Jetstream saw the event, Unix microseconds), when an integer.</summary>
    public long? TimeMicroseconds { get; private set; }

    /// <summary>The top-level <c>kind</c>, when a string.</summary>
    public string? Kind { get; private set; }

    /// <summary>True when <c>commit</c> is an object.</summary>
    public bool HasCommit { get; private set; }

    /// <summary>The commit's <c>operation</c>, when a string.</summary>
    public string? Operation { get; private set; }

    /// <summary>The commit's <c>collection</c>, when a string.</summary>
    public string? Collection { get; private set; }

    /// <summary>The commit's <c>rkey</c>, when a string.</summary>
    public string? RecordKey { get; private set; }

    /// <summary>True when <c>identity</c> is an object.</summary>
    public bool HasIdentity { get; private set; }

    /// <summary>The identity's <c>handle</c>, when a string.</summary>
    public string? Handle { get; private set; }

    /// <summary>True when the commit's record is one the reader maps: a create in a collection it imports, or a profile update.</summary>
    public static bool NeedsRecord(string? operation, string? collection) =>
        collection is not null
        && ((operation == "create" && BlueskyRecordMapper.Imports(collection)) || (operation == "update" && collection == "app.bsky.actor.profile"));

    /// <summary>Reads <paramref name="json"/>, replacing what an earlier line left.</summary>
    /// <exception cref="JsonException">The line is not one JSON value.</exception>
    /// <exception cref="DataModelException">It is not an object; with <paramref name="eager"/>, also a needed record that breaks the data model.</exception>
    public void Read(ReadOnlySpan<byte> json, bool eager)
    {
        Did = Kind = Handle = null;
        TimeMicroseconds = null;
        HasIdentity = false;
        ResetCommit();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            reader.Read();
            throw JsonMessages.NotAnObject();
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("did"u8))
            {
                Did = ReadString(ref reader, cached: true);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                Kind = ReadString(ref reader, cached: true);
            }
            else if (reader.ValueTextEquals("time_us"u8))
            {
                reader.Read();
                TimeMicroseconds = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var us) ? us : null;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("commit"u8))
            {
                ReadCommit(ref reader, eager);
            }
            else if (reader.ValueTextEquals("identity"u8))
            {
                ReadIdentity(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
        // Nothing may follow the object but white space (the reader throws otherwise).
        reader.Read();
    }

    /// <summary>The commit's record as a data-model map.</summary>
    /// <param name="json">The line last given to <see cref="Read"/>.</param>
    /// <exception cref="DataModelException">The record is missing, not an object, or breaks the data model.</exception>
    public Dictionary<string, object?> Record(ReadOnlySpan<byte> json)
    {
        if (record is not null)
        {
            return record;
        }
        if (recordStart < 0)
        {
            throw new DataModelException("record", "must be an object");
        }
        var reader = new Utf8JsonReader(json[recordStart..recordEnd]);
        reader.Read();
        return reader.TokenType == JsonTokenType.StartObject
            ? DataModelJson.ReadRecord(ref reader, strings)
            : throw new DataModelException("record", "must be an object");
    }

    private void ResetCommit()
    {
        HasCommit = false;
        Operation = Collection = RecordKey = null;
        recordStart = recordEnd = -1;
        record = null;
    }

    private void ReadCommit(ref Utf8JsonReader reader, bool eager)
    {
        ResetCommit();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }
        HasCommit = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("operation"u8))
            {
                Operation = ReadString(ref reader, cached: true);
            }
            else if (reader.ValueTextEquals("collection"u8))
            {
                Collection = ReadString(ref reader, cached: true);
            }
            else if (reader.ValueTextEquals("rkey"u8))
            {
                RecordKey = ReadString(ref reader, cached: false);
            }
            else if (reader.ValueTextEquals("record"u8))
            {
                reader.Read();
                recordStart = (int)reader.TokenStartIndex;
                record = eager && reader.TokenType == JsonTokenType.StartObject && NeedsRecord(Operation, Collection)
                    ? DataModelJson.ReadRecord(ref reader, strings)
                    : null;
                reader.Skip();
                recordEnd = (int)reader.BytesConsumed;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ReadIdentity(ref Utf8JsonReader reader)
    {
        reader.Read();
        HasIdentity = reader.TokenType == JsonTokenType.StartObject;
        Handle = null;
        if (!HasIdentity)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("handle"u8))
            {
                Handle = ReadString(ref reader, cached: false);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    /// <summary>Reads the value after a property name: its text when a string, else null (skipping it).</summary>
    private string? ReadString(ref Utf8JsonReader reader, bool cached)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        return cached && !reader.ValueIsEscaped ? strings.Get(reader.ValueSpan) : reader.GetString();
    }
}
