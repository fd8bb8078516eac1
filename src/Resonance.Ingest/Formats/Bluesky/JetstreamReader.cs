using Resonance.Domain;
using Resonance.Ingest.Formats.Bluesky.Syntax;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Reads Bluesky's Jetstream event stream saved as JSON Lines.</summary>
/// <remarks>
/// <para>Format: https://github.com/bluesky-social/jetstream (README, "Example events"). Each line is one event:
/// <c>{"did", "time_us", "kind": "commit", "commit": {"rev", "operation", "collection", "rkey", "record", "cid"}}</c>,
/// <c>{"did", "time_us", "kind": "identity", "identity": {"did", "handle", "seq", "time"}}</c> or
/// <c>{"did", "time_us", "kind": "account", "account": {"active", "did", "seq", "time", "status"?}}</c>.
/// The record is the data model's JSON form (<see cref="DataModelJson"/>). Each line is read in one pass without a
/// document (<see cref="JetstreamEvent"/>), and a record is converted only when it is mapped.</para>
/// <para>A commit <c>create</c> is mapped like a repository record (<see cref="BlueskyRecordMapper"/>; the event's
/// DID is the actor); an <c>update</c> of a profile updates the display name. An identity event with a handle gives
/// the account its handle. A <c>delete</c> of an <c>app.bsky.graph.follow</c> record is an <c>unfollow</c> at the
/// event's <c>time_us</c> (to the millisecond) of the subject of the follow this input created under that key earlier;
/// a delete of a follow it did not see is counted skipped (a delete carries no record, so its subject is unknown). Other
/// updates, deletes and account events are skipped and counted. Records are numbered by line.</para>
/// </remarks>
public sealed class JetstreamReader : BlueskyJsonReader
{
    public override string Format => "jetstream";

    public override string Description => "Bluesky Jetstream events, one JSON object per line: commit creates of posts, likes, reposts, follows; identity handles.";

    private protected override bool AllowPrettyDocument => false;

    private protected override JsonMessages.Mapper CreateMapper(string network, BlueskyRecordMapper mapper)
    {
        var message = new JetstreamEvent();
        return (json, line, output) => Map(message, json.Span, line, network, mapper, output);
    }

    private static void Map(JetstreamEvent e, ReadOnlySpan<byte> json, long line, string network, BlueskyRecordMapper mapper, List<SourceRecord> output)
    {
        try
        {
            e.Read(json, eager: true);
        }
        catch (DataModelException)
        {
            // A needed record breaks the data model: read the line again without converting it, so the event's own
            // fields are checked first and the record's problem comes from e.Record below.
            e.Read(json, eager: false);
        }
        var did = e.Did ?? throw new DataModelException("did", "must be a string");
        if (!Did.IsValid(did))
        {
            throw new DataModelException("did", "must be a DID");
        }
        var kind = e.Kind ?? throw new DataModelException("kind", "must be a string");
        switch (kind)
        {
            case "commit":
                if (!e.HasCommit)
                {
                    throw new DataModelException("commit", "must be an object");
                }
                var operation = e.Operation ?? throw new DataModelException("commit.operation", "must be a string");
                var collection = e.Collection ?? throw new DataModelException("commit.collection", "must be a string");
                var rkey = e.RecordKey ?? throw new DataModelException("commit.rkey", "must be a string");
                if (!Nsid.IsValid(collection) || !RecordKey.IsValid(rkey))
                {
                    throw new DataModelException("commit.collection", $"'{collection}/{rkey}' must be an NSID and a record key");
                }
                if (operation == "delete" && collection == "app.bsky.graph.follow")
                {
                    var time = e.TimeMicroseconds is { } us ? DateTimeOffset.FromUnixTimeMilliseconds(us / 1000) : (DateTimeOffset?)null;
                    mapper.MapFollowDelete(did, rkey, time, line, output);
                }
                else if (operation == "create" && !BlueskyRecordMapper.Imports(collection))
                {
                    output.Add(SourceRecord.Skip(line, collection));
                }
                else if (JetstreamEvent.NeedsRecord(operation, collection))
                {
                    mapper.Map(did, collection, rkey, e.Record(json), line, output);
                }
                else
                {
                    output.Add(SourceRecord.Skip(line, $"jetstream commit {operation}"));
                }
                break;
            case "identity":
                if (!e.HasIdentity)
                {
                    throw new DataModelException("identity", "must be an object");
                }
                var handle = e.Handle;
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
