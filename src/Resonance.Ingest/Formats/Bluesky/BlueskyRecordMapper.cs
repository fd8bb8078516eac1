using System.Globalization;
using Resonance.Domain;
using Resonance.Ingest.Formats.Bluesky.Syntax;

namespace Resonance.Ingest.Formats.Bluesky;

/// <summary>Turns one Bluesky record (from a repository CAR, a firehose commit or a Jetstream event) into canonical records.</summary>
/// <remarks>
/// <para>Lexicons: https://github.com/bluesky-social/atproto/tree/main/lexicons/app/bsky (feed/post, feed/like,
/// feed/repost, graph/follow, actor/profile, richtext/facet, embed/record, embed/recordWithMedia).</para>
/// <para>Direction: the repository's DID is always the actor. A post becomes a <see cref="Post"/> whose id is its
/// <c>at://</c> URI, plus a reply to the parent's author, a quote of an embedded post's author and a mention of each
/// distinct mentioned DID. A like, repost or follow becomes one interaction with the subject's account (the DID in the
/// subject's URI). A profile gives the account its display name. Every other collection is skipped and counted by its
/// NSID; a subject URI whose authority is a handle (not resolvable offline) is skipped and counted too.</para>
/// </remarks>
internal sealed class BlueskyRecordMapper(string network, string file)
{
    /// <summary>Network used when <c>--network</c> is not given.</summary>
    public const string DefaultNetwork = "bluesky";

    private const string Post = "app.bsky.feed.post";
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<string> _tags = [];

    /// <summary>True for the collections <see cref="Map"/> turns into records; others are only counted, so callers may skip decoding them.</summary>
    public static bool Imports(string collection) =>
        collection is Post or "app.bsky.feed.like" or "app.bsky.feed.repost" or "app.bsky.graph.follow" or "app.bsky.actor.profile";

    /// <summary>Appends the records for <paramref name="record"/>, stored at <c>collection/rkey</c> in repository
    /// <paramref name="did"/>, to <paramref name="output"/>; a malformed record appends one error instead.</summary>
    /// <param name="line">The record number for errors (CAR block index, message or line number).</param>
    public void Map(string did, string collection, string rkey, IReadOnlyDictionary<string, object?> record, long line, List<SourceRecord> output)
    {
        var start = output.Count;
        try
        {
            switch (collection)
            {
                case Post: MapPost(did, AtUri.Format(did, collection, rkey), record, line, output); break;
                case "app.bsky.feed.like": MapSubject(did, collection, record, InteractionKind.Like, line, output); break;
                case "app.bsky.feed.repost": MapSubject(did, collection, record, InteractionKind.Repost, line, output); break;
                case "app.bsky.graph.follow": MapFollow(did, rkey, record, line, output); break;
                case "app.bsky.actor.profile":
                    output.Add(SourceRecord.Of(line, new Account(network, did, DisplayName: record.OptionalString("displayName"))));
                    break;
                default: output.Add(SourceRecord.Skip(line, collection)); break;
            }
        }
        catch (DataModelException e)
        {
            output.RemoveRange(start, output.Count - start);
            output.Add(SourceRecord.Of(RecordError.At(file, line, e.Field, e.Message, AtUri.Format(did, collection, rkey))));
        }
    }

    private void MapPost(string did, string uri, IReadOnlyDictionary<string, object?> record, long line, List<SourceRecord> output)
    {
        var created = CreatedAt(record);
        var parent = record.OptionalMap("reply")?.Map("parent", "reply.parent").String("uri", "reply.parent.uri");
        var embed = record.OptionalMap("embed");
        var quoted = embed?.OptionalString("$type", "embed.$type") switch
        {
            "app.bsky.embed.record" => embed.Map("record", "embed.record").String("uri", "embed.record.uri"),
            "app.bsky.embed.recordWithMedia" => embed.Map("record", "embed.record").Map("record", "embed.record.record").String("uri", "embed.record.record.uri"),
            _ => null,
        };
        var parentUri = parent is null ? null : Subject(parent, "reply.parent.uri");
        var quotedUri = quoted is null ? null : Subject(quoted, "embed.record.uri");
        var quotedPost = quotedUri?.Collection == Post ? quotedUri : null;

        _seen.Clear();
        _tags.Clear();
        var mentions = new List<string>();
        foreach (var facet in record.List("facets"))
        {
            var features = (facet as IReadOnlyDictionary<string, object?> ?? throw new DataModelException("facets", "must hold maps")).List("features", "facets.features");
            foreach (var feature in features.OfType<IReadOnlyDictionary<string, object?>>())
            {
                switch (feature.OptionalString("$type", "facets.features.$type"))
                {
                    case "app.bsky.richtext.facet#mention":
                        var mentioned = feature.String("did", "facets.features.did");
                        if (!Did.IsValid(mentioned))
                        {
                            throw new DataModelException("facets.features.did", "must be a DID");
                        }
                        if (_seen.Add(mentioned))
                        {
                            mentions.Add(mentioned);
                        }
                        break;
                    case "app.bsky.richtext.facet#tag":
                        AddTag(feature.String("tag", "facets.features.tag"));
                        break;
                }
            }
        }
        foreach (var tag in record.List("tags"))
        {
            AddTag(tag as string ?? throw new DataModelException("tags", "must hold strings"));
        }

        output.Add(SourceRecord.Of(line, new Domain.Post(network, uri, did, created, record.OptionalString("text"), [.. _tags],
            ReplyToPostId: parent, QuoteOfPostId: quotedPost?.ToString())));
        Interact(did, parentUri, InteractionKind.Reply, parent, created, line, $"{Post}: reply parent", output);
        if (quotedUri is not null && quotedPost is null)
        {
            output.Add(SourceRecord.Skip(line, $"{Post}: embedded record is not a post"));
        }
        Interact(did, quotedPost, InteractionKind.Quote, quoted, created, line, $"{Post}: quoted post", output);
        foreach (var mentioned in mentions)
        {
            output.Add(SourceRecord.Of(line, new Interaction(network, created, did, mentioned, InteractionKind.Mention)));
        }
    }

    private void MapSubject(string did, string collection, IReadOnlyDictionary<string, object?> record, InteractionKind kind, long line, List<SourceRecord> output)
    {
        var created = CreatedAt(record);
        var uri = record.Map("subject").String("uri", "subject.uri");
        Interact(did, Subject(uri, "subject.uri"), kind, uri, created, line, $"{collection}: subject", output);
    }

    private void MapFollow(string did, string rkey, IReadOnlyDictionary<string, object?> record, long line, List<SourceRecord> output)
    {
        var created = CreatedAt(record);
        var subject = record.String("subject");
        if (!Did.IsValid(subject))
        {
            throw new DataModelException("subject", "must be a DID");
        }
        follows[(did, rkey)] = subject;
        output.Add(SourceRecord.Of(line, new Interaction(network, created, did, subject, InteractionKind.Follow)));
    }

    /// <summary>The subject of every follow record mapped so far, by (repository DID, record key): a delete of a follow
    /// record names only its key, so its subject is known only when this input created it.</summary>
    private readonly Dictionary<(string Did, string RecordKey), string> follows = [];

    /// <summary>A delete of the follow record <c>app.bsky.graph.follow/rkey</c> in repository <paramref name="did"/> at
    /// <paramref name="time"/> (null: untimed): an unfollow of the follow's subject when this input created that record
    /// earlier, otherwise counted skipped (a delete carries no record, so its subject is unknown).</summary>
    public void MapFollowDelete(string did, string rkey, DateTimeOffset? time, long line, List<SourceRecord> output)
    {
        output.Add(follows.Remove((did, rkey), out var subject)
            ? SourceRecord.Of(line, new Interaction(network, time, did, subject, InteractionKind.Unfollow))
            : SourceRecord.Skip(line, "follow delete of a follow this input did not create (its subject is unknown)"));
    }

    /// <summary>Adds an interaction with the account in <paramref name="target"/>, or counts it skipped when that names a handle.</summary>
    private void Interact(string did, AtUri? target, InteractionKind kind, string? postId, DateTimeOffset created, long line, string what, List<SourceRecord> output)
    {
        if (target is null)
        {
            return;
        }
        output.Add(target.HasDid
            ? SourceRecord.Of(line, new Interaction(network, created, did, target.Authority, kind, postId))
            : SourceRecord.Skip(line, $"{what} names a handle, not a DID (not resolvable offline)"));
    }

    private void AddTag(string tag)
    {
        var clean = tag.TrimStart('#').ToLowerInvariant();
        if (clean.Length > 0 && _seen.Add("#" + clean))
        {
            _tags.Add(clean);
        }
    }

    private static AtUri Subject(string uri, string field) =>
        AtUri.TryParse(uri) is { Collection: not null, RecordKey: not null } parsed ? parsed : throw new DataModelException(field, "must be an at:// URI of a record");

    /// <summary>The record's <c>createdAt</c>: an atproto datetime, or (for older records) any ISO 8601 time .NET reads, taken as UTC.</summary>
    private static DateTimeOffset CreatedAt(IReadOnlyDictionary<string, object?> record)
    {
        var text = record.String("createdAt");
        if (AtDatetime.TryParse(text, out var time)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time))
        {
            return time;
        }
        throw new DataModelException("createdAt", "must be a datetime such as 2024-05-01T12:00:00.000Z");
    }
}
