using System.Text.Json;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Reads <c>{"account": Account, "notifications": [Notification…] or a grouped-notifications object}</c>: the
/// notifications of the named account, so that <c>follow</c> notifications can name whom they follow.</summary>
/// <remarks>A notifications response does not say whose it is (it is the authenticated account's), so a bare one can
/// give no <c>follow</c> interactions; this wrapper, documented in docs/data-formats.md, supplies the account.</remarks>
internal static class RecipientWrapper
{
    /// <summary>Maps the wrapper.</summary>
    public static void Map(MastodonRecordBuilder records, JsonElement wrapper)
    {
        string? recipient = null;
        records.Isolated(wrapper, (r, w) => recipient = r.Account(JsonFields.RequiredObject(w, "account", ""), "account.").Id);
        if (recipient is null)
        {
            return;
        }
        var notifications = wrapper.GetProperty("notifications");
        if (notifications.ValueKind == JsonValueKind.Object)
        {
            records.Isolated(notifications, (r, g) => NotificationMapper.MapGrouped(r, g, recipient));
            return;
        }
        NotificationMapper.Each(records, wrapper, "notifications", (r, n) => NotificationMapper.Map(r, n, recipient));
    }
}
