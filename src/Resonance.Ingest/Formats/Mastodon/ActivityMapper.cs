using System.Text.Json;
using Resonance.Domain;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Maps the Activity Streams 2.0 activities of a Mastodon account archive's <c>outbox.json</c>.</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>Create</c> of a <c>Note</c> (or any object): a post with id = the object's <c>id</c>, text from
/// <c>content</c>, hashtags from <c>tag</c> entries of type <c>Hashtag</c>, <c>reply_to</c> = <c>inReplyTo</c>,
/// <c>quote_of</c> = <c>quoteUri</c>/<c>quoteUrl</c>/<c>_misskey_quote</c>; a <c>mention</c> per <c>Mention</c> tag; a
/// <c>reply</c> and a <c>quote</c> to the author named by the parent's or quoted URI.</item>
/// <item><c>Announce</c>: a post with <c>repost_of</c> = the object and a <c>repost</c> of its author.</item>
/// <item><c>Like</c> and <c>Follow</c> (not in Mastodon's own outbox, but valid Activity Streams): <c>like</c> of the
/// object's author, <c>follow</c> of the object actor.</item>
/// <item><c>Undo</c> whose object is an embedded <c>Follow</c> (Mastodon's <c>UndoFollowSerializer</c>, which gives
/// it no <c>published</c>): an <c>unfollow</c> of the Follow's object actor, at the Undo's <c>published</c> time when
/// it has one and untimed otherwise (an untimed unfollow undoes every follow of the pair; docs/data-formats.md). An
/// Undo of anything else, or of a Follow named only by its URI (whose target is unknown), is skipped.</item>
/// </list>
/// Activity Streams names accounts only by actor URI; the address is read from Mastodon's URI shapes
/// (<c>https://host/users/name</c>, <c>…/users/name/statuses/id</c>, <c>https://host/@name</c>), see
/// <see cref="FediverseAddress.FromActorUri"/>. An interaction whose target URI has another shape (another server
/// software) is left out; its post is kept. Other activity types (Update, Delete…) are skipped.
/// </remarks>
internal static class ActivityMapper
{
    /// <summary>True when <paramref name="value"/> looks like an activity: a <c>type</c> and an <c>actor</c>.</summary>
    public static bool IsActivity(JsonElement value) =>
        value.TryGetProperty("actor", out _) && value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String;

    /// <summary>Maps one activity.</summary>
    public static void Map(MastodonRecordBuilder records, JsonElement activity)
    {
        var type = JsonFields.RequiredString(activity, "type", "");
        if (type == "Undo")
        {
            Undo(records, activity);
            return;
        }

        if (type is not ("Create" or "Announce" or "Like" or "Follow"))
        {
            return;
        }
        var actorUri = IdOf(activity, "actor", "");
        var actor = FediverseAddress.FromActorUri(actorUri)?.Id
            ?? throw new MalformedFieldException("actor", "must be an actor URI such as https://host/users/name", actorUri);
        var time = JsonFields.OptionalTime(activity, "published", "");
        var objectId = IdOf(activity, "object", "");
        var target = JsonFields.Get(activity, "object") is { ValueKind: JsonValueKind.Object } obj && JsonFields.Get(obj, "attributedTo") is not null
            ? FediverseAddress.FromActorUri(IdOf(obj, "attributedTo", "object."))
            : FediverseAddress.FromActorUri(objectId);
        switch (type)
        {
            case "Create":
                CreatePost(records, activity, actor, time);
                break;
            case "Announce":
                var id = JsonFields.RequiredString(activity, "id", "");
                records.Add(new Post(records.Network, id, actor, time ?? throw Required("published"), RepostOfPostId: objectId));
                AddTo(records, time, actor, target, InteractionKind.Repost, objectId);
                break;
            case "Like":
                AddTo(records, time, actor, target, InteractionKind.Like, objectId);
                break;
            case "Follow":
                AddTo(records, time, actor, target, InteractionKind.Follow, null);
                break;
        }
    }

    /// <summary>An <c>Undo</c> of an embedded <c>Follow</c>: an unfollow of the Follow's object by the Undo's actor.</summary>
    private static void Undo(MastodonRecordBuilder records, JsonElement activity)
    {
        if (JsonFields.Get(activity, "object") is not { ValueKind: JsonValueKind.Object } undone
            || JsonFields.Get(undone, "type") is not { ValueKind: JsonValueKind.String } undoneType || undoneType.GetString() != "Follow")
        {
            return;
        }

        var actorUri = IdOf(activity, "actor", "");
        var actor = FediverseAddress.FromActorUri(actorUri)?.Id
            ?? throw new MalformedFieldException("actor", "must be an actor URI such as https://host/users/name", actorUri);
        var target = FediverseAddress.FromActorUri(IdOf(undone, "object", "object."));
        AddTo(records, JsonFields.OptionalTime(activity, "published", ""), actor, target, InteractionKind.Unfollow, null);
    }

    private static void CreatePost(MastodonRecordBuilder records, JsonElement activity, string actor, DateTimeOffset? activityTime)
    {
        if (JsonFields.Get(activity, "object") is not { ValueKind: JsonValueKind.Object } note)
        {
            var uri = IdOf(activity, "object", "");
            records.Add(new Post(records.Network, uri, actor, activityTime ?? throw Required("published")));
            return;
        }
        const string path = "object.";
        var id = JsonFields.RequiredString(note, "id", path);
        var created = JsonFields.OptionalTime(note, "published", path) ?? activityTime ?? throw Required(path + "published");
        var replyTo = JsonFields.Get(note, "inReplyTo") is null ? null : IdOf(note, "inReplyTo", path);
        var quoteOf = JsonFields.OptionalString(note, "quoteUri", path) ?? JsonFields.OptionalString(note, "quoteUrl", path)
            ?? JsonFields.OptionalString(note, "_misskey_quote", path);
        var hashtags = new List<string>();
        var mentions = new List<string>();
        ReadTags(note, hashtags, mentions);
        records.Add(new Post(records.Network, id, actor, created, HtmlText.ToPlain(JsonFields.OptionalString(note, "content", path)),
            Ingest.Text.Hashtags.Normalise(hashtags), replyTo, quoteOf));
        var replyTarget = FediverseAddress.FromActorUri(replyTo)?.Id;
        AddTo(records, created, actor, replyTarget, InteractionKind.Reply, replyTo);
        AddTo(records, created, actor, FediverseAddress.FromActorUri(quoteOf)?.Id, InteractionKind.Quote, quoteOf);
        foreach (var mention in mentions.Distinct(StringComparer.Ordinal))
        {
            if (mention != replyTarget)
            {
                records.Add(created, actor, mention, InteractionKind.Mention, null);
            }
        }
    }

    /// <summary>Hashtag names and mentioned account ids from the object's <c>tag</c> (an array or a single object).</summary>
    private static void ReadTags(JsonElement note, List<string> hashtags, List<string> mentions)
    {
        if (JsonFields.Get(note, "tag") is not { } tags)
        {
            return;
        }
        foreach (var tag in tags.ValueKind == JsonValueKind.Array ? tags.EnumerateArray().ToArray() : [tags])
        {
            if (tag.ValueKind != JsonValueKind.Object)
            {
                throw JsonFields.Wrong(tag, "tag", "object.", "an array of tag objects");
            }
            var tagType = JsonFields.OptionalString(tag, "type", "object.tag.");
            if (tagType == "Hashtag")
            {
                hashtags.Add(JsonFields.RequiredString(tag, "name", "object.tag."));
            }
            else if (tagType == "Mention")
            {
                var href = JsonFields.OptionalString(tag, "href", "object.tag.");
                var address = FediverseAddress.FromName(JsonFields.OptionalString(tag, "name", "object.tag.")) ?? FediverseAddress.FromActorUri(href)
                    ?? throw new MalformedFieldException("object.tag.href", "must be an actor URI such as https://host/users/name", href ?? "");
                mentions.Add(address.Id);
            }
        }
    }

    private static void AddTo(MastodonRecordBuilder records, DateTimeOffset? time, string actor, FediverseAddress? target, InteractionKind kind, string? post) =>
        AddTo(records, time, actor, target?.Id, kind, post);

    private static void AddTo(MastodonRecordBuilder records, DateTimeOffset? time, string actor, string? target, InteractionKind kind, string? post)
    {
        if (target is not null)
        {
            records.Add(time, actor, target, kind, post);
        }
    }

    /// <summary>A link property: a URI string or an object with an <c>id</c>.</summary>
    private static string IdOf(JsonElement container, string name, string path) =>
        JsonFields.Get(container, name) is { } value && value.ValueKind == JsonValueKind.Object
            ? JsonFields.RequiredString(value, "id", path + name + ".")
            : JsonFields.RequiredString(container, name, path);

    private static MalformedFieldException Required(string field) => new(field, "is required (a time)", "");
}
