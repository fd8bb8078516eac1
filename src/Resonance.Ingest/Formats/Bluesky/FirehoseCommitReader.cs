using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Formats.Bluesky.Syntax;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Reads relay firehose <c>#commit</c> messages (<c>com.atproto.sync.subscribeRepos</c>) saved as JSON.</summary>
/// <remarks>
/// <para>Spec: https://atproto.com/specs/event-stream and https://atproto.com/specs/sync (lexicon
/// <c>com.atproto.sync.subscribeRepos#commit</c>). A message is
/// <c>{"seq", "repo", "rev", "since", "time", "commit": {"$link"}, "ops": [{"action", "path", "cid": {"$link"}|null}],
/// "blocks": {"$bytes": base64 CAR slice}, "blobs", "prev", "rebase", "tooBig"}</c>: the data model's JSON form of the
/// binary frame. Input is one message per line (JSON Lines) or a file holding one pretty-printed message.</para>
/// <para>The CAR slice is read with <see cref="CarReader"/> (every block checked against its CID); each <c>create</c>
/// op's record is found by its CID and mapped like a repository record with the message's <c>repo</c> as actor
/// (<see cref="BlueskyRecordMapper"/>). A <c>delete</c> op of an <c>app.bsky.graph.follow</c> record is an unfollow at the
/// message's <c>time</c> of the follow this input created under that key earlier (a delete carries no record; one of an
/// unknown follow is skipped and counted, <see cref="BlueskyRecordMapper.MapFollowDelete"/>). Other ops are skipped and
/// counted. Records are numbered by line.</para>
/// </remarks>
public sealed class FirehoseCommitReader : BlueskyJsonReader
{
    public override string Format => "bluesky-firehose";

    public override string Description => "Bluesky relay firehose #commit messages as JSON (one per line, or one pretty-printed per file): create ops.";

    private protected override bool AllowPrettyDocument => true;

    private protected override JsonMessages.Mapper CreateMapper(string network, BlueskyRecordMapper mapper) =>
        (json, line, output) => Map(json, line, mapper, output);

    private static void Map(ReadOnlyMemory<byte> json, long line, BlueskyRecordMapper mapper, List<SourceRecord> output)
    {
        using var document = JsonMessages.ParseObject(json);
        var message = document.RootElement;
        var repo = JsonMessages.String(message, "repo");
        if (!Did.IsValid(repo))
        {
            throw new DataModelException("repo", "must be a DID");
        }
        var blocks = Blocks(DataModelJson.Base64(JsonMessages.String(JsonMessages.Object(message, "blocks"), "$bytes", "blocks.$bytes")));
        if (!message.TryGetProperty("ops", out var ops) || ops.ValueKind != JsonValueKind.Array)
        {
            throw new DataModelException("ops", "must be an array");
        }
        foreach (var op in ops.EnumerateArray())
        {
            var action = JsonMessages.String(op, "action", "ops.action");
            var path = JsonMessages.String(op, "path", "ops.path");
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            if (slash < 0 || !Nsid.IsValid(path[..slash]) || !RecordKey.IsValid(path[(slash + 1)..]))
            {
                throw new DataModelException("ops.path", $"'{path}' must be 'collection/rkey'");
            }
            if (action == "delete" && path[..slash] == "app.bsky.graph.follow")
            {
                mapper.MapFollowDelete(repo, path[(slash + 1)..], Time(message), line, output);
                continue;
            }
            if (action != "create")
            {
                output.Add(SourceRecord.Skip(line, $"firehose {action} op"));
                continue;
            }
            if (DataModelJson.Convert(op.TryGetProperty("cid", out var c) ? c : default) is not Cid cid)
            {
                throw new DataModelException("ops.cid", "a create op must have a CID link");
            }
            var data = blocks.TryGetValue(cid, out var d) ? d : throw new DataModelException("ops.cid", $"{path}'s record block {cid} is not in the message's blocks");
            mapper.Map(repo, path[..slash], path[(slash + 1)..], DagCbor.DecodeMap(data), line, output);
        }
    }

    /// <summary>The message's <c>time</c> (when the relay saw the commit); null when absent.</summary>
    private static DateTimeOffset? Time(JsonElement message)
    {
        if (!message.TryGetProperty("time", out var time) || time.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return time.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(time.GetString(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var t)
            ? t.ToUniversalTime()
            : throw new DataModelException("time", "must be a datetime");
    }

    /// <summary>The blocks of a message's CAR slice, each checked against its CID.</summary>
    private static Dictionary<Cid, byte[]> Blocks(byte[] car)
    {
        var blocks = new Dictionary<Cid, byte[]>();
        try
        {
            var reader = new CarReader(new MemoryStream(car, writable: false));
            while (reader.TryRead(out var block))
            {
                if (block.Problem is { } problem)
                {
                    throw new DataModelException("blocks", $"block {block.Index} {problem}");
                }
                blocks.TryAdd(block.Cid, block.Data.ToArray());
            }
        }
        catch (InvalidDataException e)
        {
            throw new DataModelException("blocks", $"is not a valid CAR slice: {e.Message}");
        }
        return blocks;
    }
}
