using System.Text.Json;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Recognises what a JSON value of the <c>mastodon</c> format is, by its fields, and maps it.</summary>
/// <remarks>
/// In order: a capture envelope <c>{"request", "status", "body"}</c> (its body is read); an Activity Streams collection
/// (<c>orderedItems</c> or <c>items</c>); a context (<c>ancestors</c>/<c>descendants</c>); grouped notifications
/// (<c>notification_groups</c>); a notified-account wrapper <c>{"account", "notifications"}</c>; a status-lists wrapper
/// <c>{"status", "reblogged_by", "favourited_by"}</c>; an activity (<c>type</c> and <c>actor</c>); a notification
/// (<c>type</c> and <c>account</c>); a status (<c>uri</c>, <c>account</c>, <c>created_at</c>); an account (<c>acct</c>).
/// Arrays are read element by element. Anything else (polls, tags, relationships, instance info, error bodies,
/// bare URIs in a collection) holds no accounts or interactions and is skipped.
/// </remarks>
internal static class MastodonResponse
{
    /// <summary>Properties whose values <see cref="JsonValueScanner"/> streams out of an object too large to parse whole.</summary>
    public static readonly IReadOnlySet<string> StreamedProperties =
        new HashSet<string>(["body", "orderedItems", "items", "ancestors", "descendants"], StringComparer.Ordinal);

    /// <summary>Maps <paramref name="value"/> into <paramref name="records"/>.</summary>
    public static void Map(MastodonRecordBuilder records, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in value.EnumerateArray())
            {
                Map(records, element);
            }
            return;
        }
        if (value.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (value.TryGetProperty("body", out var body) && value.TryGetProperty("request", out _))
        {
            Map(records, body);
        }
        else if (Has(value, "orderedItems") || Has(value, "items"))
        {
            Map(records, Has(value, "orderedItems") ? value.GetProperty("orderedItems") : value.GetProperty("items"));
        }
        else if (Has(value, "ancestors") || Has(value, "descendants"))
        {
            NotificationMapper.Each(records, value, "ancestors", static (r, s) => StatusMapper.Map(r, s, "ancestors."));
            NotificationMapper.Each(records, value, "descendants", static (r, s) => StatusMapper.Map(r, s, "descendants."));
        }
        else if (Has(value, "notification_groups"))
        {
            records.Isolated(value, static (r, g) => NotificationMapper.MapGrouped(r, g, null));
        }
        else if (Has(value, "notifications"))
        {
            RecipientWrapper.Map(records, value);
        }
        else if (Has(value, "reblogged_by") || Has(value, "favourited_by"))
        {
            records.Isolated(value, StatusListsWrapper.Map);
        }
        else if (ActivityMapper.IsActivity(value))
        {
            records.Isolated(value, ActivityMapper.Map);
        }
        else if (Has(value, "type") && Has(value, "account"))
        {
            records.Isolated(value, static (r, n) => NotificationMapper.Map(r, n, null));
        }
        else if (Has(value, "uri") && Has(value, "account") && Has(value, "created_at"))
        {
            records.Isolated(value, static (r, s) => StatusMapper.Map(r, s, ""));
        }
        else if (Has(value, "acct"))
        {
            records.Isolated(value, static (r, a) => r.Account(a, ""));
        }
    }

    private static bool Has(JsonElement value, string name) => value.TryGetProperty(name, out _);
}
