using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Formats.Bluesky.Syntax;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Reads Bluesky's Jetstream event stream saved as JSON Lines.</summary>
/// <remarks>
/// <para>Format: https://github.com/bluesky-social/jetstream (README, "Example events"). Each line is one event:
/// <c>{"did", "time_us", "kind": "commit", "commit": {"rev", "operation", "collection", "rkey", "record", "cid"}}</c>,
/// <c>{"did", "time_us", "kind": "identity", "identity": {"did", "handle", "seq", "time"}}</c> or
/// <c>{"did", "time_us", "kind": "account", "account": {"active", "did", "seq", "time", "status"?}}</c>.
/// The record is the data model's JSON form (<see cref="DataModelJson"/>).</para>
/// <para>A commit <c>create</c> is mapped like a repository record (<see cref="BlueskyRecordMapper"/>; the event's
/// DID is the actor); an <c>update</c> of a profile updates the display name. An identity event with a handle gives
/// the account its handle. Other updates, deletes and account events are skipped and counted. Records are numbered
/// by line.</para>
/// </remarks>
public sealed class JetstreamReader : BlueskyJsonReader
{
    public override string Format => "jetstream";

    public override string Description => "Bluesky Jetstream events, one JSON object per line: commit creates of posts, likes, reposts, follows; identity handles.";

    private protected override bool AllowPrettyDocument => false;

    private protected override void Map(JsonElement e, long line, string network, BlueskyRecordMapper mapper, List<SourceRecord> output)
    {
        var did = JsonMessages.String(e, "did");
        if (!Did.IsValid(did))
        {
            throw new DataModelException("did", "must be a DID");
        }
        var kind = JsonMessages.String(e, "kind");
        switch (kind)
        {
            case "commit":
                var commit = JsonMessages.Object(e, "commit");
                var operation = JsonMessages.String(commit, "operation", "commit.operation");
                var collection = JsonMessages.String(commit, "collection", "commit.collection");
                var rkey = JsonMessages.String(commit, "rkey", "commit.rkey");
                if (!Nsid.IsValid(collection) || !RecordKey.IsValid(rkey))
                {
                    throw new DataModelException("commit.collection", $"'{collection}/{rkey}' must be an NSID and a record key");
                }
                if (operation == "create" && !BlueskyRecordMapper.Imports(collection))
                {
                    output.Add(SourceRecord.Skip(line, collection));
                }
                else if (operation == "create" || (operation == "update" && collection == "app.bsky.actor.profile"))
                {
                    var record = DataModelJson.ConvertRecord(JsonMessages.Object(commit, "record"));
                    mapper.Map(did, collection, rkey, record, line, output);
                }
                else
                {
                    output.Add(SourceRecord.Skip(line, $"jetstream commit {operation}"));
                }
                break;
            case "identity":
                var identity = JsonMessages.Object(e, "identity");
                var handle = identity.TryGetProperty("handle", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
                if (handle is not null && !Handle.IsValid(handle))
                {
                    throw new DataModelException("identity.handle", "must be a handle");
                }
                output.Add(handle is null ? SourceRecord.Skip(line, "jetstream identity event without a handle") : SourceRecord.Of(line, new Account(network, did, handle)));
                break;
            default:
                output.Add(SourceRecord.Skip(line, $"jetstream {kind} event"));
                break;
        }
    }
}
