using System.Text.Json;
using Resonance.Domain;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Maps a Mastodon API Status to its author's account, its post and the interactions it makes.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>A boost (<c>reblog</c> set): the boosted status is mapped first, then a post with <c>repost_of</c> and a
/// <c>repost</c> from the booster to the boosted status's author.</item>
/// <item><c>reply</c> from the author to the account replied to (<c>in_reply_to_account_id</c>, resolved through the
/// status's own author, its mentions or the response's accounts; left out when unresolved). The post's
/// <c>reply_to</c> is the parent's <c>uri</c> when the response holds the parent.</item>
/// <item><c>mention</c> for each mentioned account, except the one replied to (a reply's mention is part of the reply).</item>
/// <item><c>quote</c> to the quoted status's author when <c>quote.quoted_status</c> (Mastodon 4.4+) or a status-shaped
/// <c>quote</c> (older forks) is present; the quoted status is mapped too.</item>
/// </list>
/// Post ids are the status <c>uri</c> (its ActivityPub id), which is the same on every instance and in an account
/// archive's outbox; the API <c>id</c> is not, because each server numbers statuses itself.
/// </remarks>
internal static class StatusMapper
{
    /// <summary>Maps <paramref name="status"/> (at <paramref name="path"/>) and returns it as seen.</summary>
    public static MastodonRecordBuilder.SeenStatus Map(MastodonRecordBuilder records, JsonElement status, string path)
    {
        var accountElement = JsonFields.RequiredObject(status, "account", path);
        var author = records.Account(accountElement, path + "account.").Id;
        var uri = JsonFields.RequiredString(status, "uri", path);
        var created = JsonFields.RequiredTime(status, "created_at", path);
        var seen = new MastodonRecordBuilder.SeenStatus(uri, author);
        if (JsonFields.OptionalObject(status, "reblog", path) is { } reblog)
        {
            var boosted = Map(records, reblog, path + "reblog.");
            records.Add(new Post(records.Network, uri, author, created, RepostOfPostId: boosted.Uri));
            records.Add(created, author, boosted.AuthorId, InteractionKind.Repost, boosted.Uri);
            records.RememberStatus(JsonFields.OptionalString(status, "id", path), seen);
            return seen;
        }
        var quoted = Quoted(status, path) is var (quote, quotePath) ? Map(records, quote, quotePath) : (MastodonRecordBuilder.SeenStatus?)null;
        var parent = records.StatusById(JsonFields.OptionalString(status, "in_reply_to_id", path));
        var replyTarget = ReplyTarget(records, status, JsonFields.OptionalString(accountElement, "id", path), author, path);
        records.Add(new Post(
            records.Network, uri, author, created,
            HtmlText.ToPlain(JsonFields.OptionalString(status, "content", path)),
            Hashtags(status, path),
            parent?.Uri,
            quoted?.Uri));
        if (replyTarget is not null)
        {
            records.Add(created, author, replyTarget, InteractionKind.Reply, parent?.Uri);
        }
        if (quoted is { } q)
        {
            records.Add(created, author, q.AuthorId, InteractionKind.Quote, q.Uri);
        }
        AddMentions(records, status, path, created, author, replyTarget);
        records.RememberStatus(JsonFields.OptionalString(status, "id", path), seen);
        return seen;
    }

    /// <summary>The account a reply answers: the author (a thread), a mentioned account or one seen in the response.</summary>
    private static string? ReplyTarget(MastodonRecordBuilder records, JsonElement status, string? authorLocalId, string author, string path)
    {
        if (JsonFields.OptionalString(status, "in_reply_to_account_id", path) is not { } target)
        {
            return null;
        }
        if (target == authorLocalId)
        {
            return author;
        }
        if (JsonFields.OptionalArray(status, "mentions", path) is { } mentions)
        {
            foreach (var mention in mentions.EnumerateArray())
            {
                if (mention.ValueKind == JsonValueKind.Object && JsonFields.OptionalString(mention, "id", path + "mentions.") == target)
                {
                    return records.Mention(mention, path + "mentions.").Id;
                }
            }
        }
        return records.AccountById(target);
    }

    private static void AddMentions(
        MastodonRecordBuilder records, JsonElement status, string path, DateTimeOffset created, string author, string? replyTarget)
    {
        if (JsonFields.OptionalArray(status, "mentions", path) is not { } mentions)
        {
            return;
        }
        List<string>? done = null;
        foreach (var mention in mentions.EnumerateArray())
        {
            if (mention.ValueKind != JsonValueKind.Object)
            {
                throw JsonFields.Wrong(mention, "mentions", path, "an array of mention objects");
            }
            var target = records.Mention(mention, path + "mentions.").Id;
            if (target == replyTarget || (done ??= []).Contains(target))
            {
                continue;
            }
            done.Add(target);
            records.Add(created, author, target, InteractionKind.Mention, null);
        }
    }

    private static string[] Hashtags(JsonElement status, string path)
    {
        if (JsonFields.OptionalArray(status, "tags", path) is not { } tags || tags.GetArrayLength() == 0)
        {
            return [];
        }
        var names = new List<string>(tags.GetArrayLength());
        foreach (var tag in tags.EnumerateArray())
        {
            if (tag.ValueKind != JsonValueKind.Object)
            {
                throw JsonFields.Wrong(tag, "tags", path, "an array of tag objects");
            }
            names.Add(JsonFields.RequiredString(tag, "name", path + "tags."));
        }
        return Ingest.Text.Hashtags.Normalise(names);
    }

    /// <summary>The quoted status: <c>quote.quoted_status</c> (Mastodon 4.4+) or <c>quote</c> itself when it is a status.</summary>
    private static (JsonElement Status, string Path)? Quoted(JsonElement status, string path)
    {
        if (JsonFields.OptionalObject(status, "quote", path) is not { } quote)
        {
            return null;
        }
        if (JsonFields.OptionalObject(quote, "quoted_status", path + "quote.") is { } quotedStatus)
        {
            return (quotedStatus, path + "quote.quoted_status.");
        }
        return quote.TryGetProperty("uri", out _) && quote.TryGetProperty("account", out _) ? (quote, path + "quote.") : null;
    }
}
