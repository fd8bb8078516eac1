using System.Text.Json;
using Resonance.Domain;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Reads <c>{"status": Status, "reblogged_by": [Account…], "favourited_by": [Account…]}</c>: who boosted and who
/// favourited one status.</summary>
/// <remarks>
/// <c>/api/v1/statuses/:id/reblogged_by</c> and <c>…/favourited_by</c> return bare account lists that do not say which
/// status they are about, nor whose it is, so they need the status beside them (either list may be absent). The lists
/// have no times, so their <c>repost</c> and <c>like</c> interactions are untimed. A bare account list is read as
/// accounts only.
/// </remarks>
internal static class StatusListsWrapper
{
    /// <summary>Maps the wrapper; a missing or malformed <c>status</c> makes the whole wrapper one error.</summary>
    public static void Map(MastodonRecordBuilder records, JsonElement wrapper)
    {
        var status = StatusMapper.Map(records, JsonFields.RequiredObject(wrapper, "status", ""), "status.");
        AddAll(records, wrapper, "reblogged_by", status, InteractionKind.Repost);
        AddAll(records, wrapper, "favourited_by", status, InteractionKind.Like);
    }

    private static void AddAll(MastodonRecordBuilder records, JsonElement wrapper, string name, MastodonRecordBuilder.SeenStatus status, InteractionKind kind)
    {
        if (JsonFields.OptionalArray(wrapper, name, "") is not { } accounts)
        {
            return;
        }
        foreach (var account in accounts.EnumerateArray())
        {
            if (account.ValueKind != JsonValueKind.Object)
            {
                throw JsonFields.Wrong(account, name, "", "an array of accounts");
            }
            records.Add(null, records.Account(account, name + ".").Id, status.AuthorId, kind, status.Uri);
        }
    }
}
