using System.Text.Json;
using Resonance.Domain;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Maps Mastodon notifications (<c>/api/v1/notifications</c>) and grouped notifications
/// (<c>/api/v2/notifications</c>) to interactions towards the notified account.</summary>
/// <remarks>
/// <c>favourite</c> and <c>reblog</c> become a <c>like</c> or <c>repost</c> from the notifying account to the status's
/// author (the notified account); <c>mention</c>, <c>status</c>, <c>update</c>, <c>quote</c> and <c>poll</c> carry a
/// status, which is mapped as a status (its mentions, reply and quote are the interactions). <c>follow</c> needs the
/// notified account, which a notification does not name: it is used only inside a <c>{"account": …, "notifications":
/// …}</c> wrapper. Other types (follow requests, moderation, severed relationships) are not interactions and are skipped.
/// In a group of more than one notification only the sample accounts are known, and not when each acted, so those
/// interactions are untimed.
/// </remarks>
internal static class NotificationMapper
{
    /// <summary>Maps one notification; <paramref name="recipient"/> is the notified account's id when known.</summary>
    public static void Map(MastodonRecordBuilder records, JsonElement notification, string? recipient)
    {
        var type = JsonFields.RequiredString(notification, "type", "");
        var actor = records.Account(JsonFields.RequiredObject(notification, "account", ""), "account.").Id;
        var time = JsonFields.RequiredTime(notification, "created_at", "");
        var status = JsonFields.OptionalObject(notification, "status", "");
        Add(records, type, actor, time, status is { } s ? StatusMapper.Map(records, s, "status.") : null, recipient);
    }

    /// <summary>Maps a grouped-notifications response: its accounts, statuses and groups.</summary>
    public static void MapGrouped(MastodonRecordBuilder records, JsonElement grouped, string? recipient)
    {
        Each(records, grouped, "accounts", static (r, a) => r.Account(a, "accounts."));
        Each(records, grouped, "partial_accounts", static (r, a) => r.Mention(a, "partial_accounts."));
        Each(records, grouped, "statuses", static (r, s) => StatusMapper.Map(r, s, "statuses."));
        Each(records, grouped, "notification_groups", (r, g) => MapGroup(r, g, recipient));
    }

    private static void MapGroup(MastodonRecordBuilder records, JsonElement group, string? recipient)
    {
        const string path = "notification_groups.";
        var type = JsonFields.RequiredString(group, "type", path);
        var single = group.TryGetProperty("notifications_count", out var count) && count.ValueKind == JsonValueKind.Number
            && count.TryGetInt32(out var n) && n == 1;
        var time = single ? JsonFields.OptionalTime(group, "latest_page_notification_at", path) : null;
        var status = records.StatusById(JsonFields.OptionalString(group, "status_id", path));
        if (JsonFields.OptionalArray(group, "sample_account_ids", path) is not { } samples)
        {
            return;
        }
        foreach (var sample in samples.EnumerateArray())
        {
            var localId = sample.ValueKind == JsonValueKind.String ? sample.GetString() : throw JsonFields.Wrong(sample, "sample_account_ids", path, "an array of id strings");
            if (records.AccountById(localId) is { } actor)
            {
                Add(records, type, actor, time, status, recipient);
            }
        }
    }

    private static void Add(
        MastodonRecordBuilder records, string type, string actor, DateTimeOffset? time, MastodonRecordBuilder.SeenStatus? status, string? recipient)
    {
        switch (type)
        {
            case "favourite" when status is { } liked:
                records.Add(time, actor, liked.AuthorId, InteractionKind.Like, liked.Uri);
                break;
            case "reblog" when status is { } boosted:
                records.Add(time, actor, boosted.AuthorId, InteractionKind.Repost, boosted.Uri);
                break;
            case "follow" when recipient is not null:
                records.Add(time, actor, recipient, InteractionKind.Follow, null);
                break;
        }
    }

    /// <summary>Maps each object of the array <paramref name="name"/>, each on its own (a malformed one is one error).</summary>
    public static void Each(MastodonRecordBuilder records, JsonElement container, string name, Action<MastodonRecordBuilder, JsonElement> map)
    {
        if (!container.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                records.Isolated(item, map);
            }
            else
            {
                records.Error(name, "must be an array of objects", item);
            }
        }
    }
}
