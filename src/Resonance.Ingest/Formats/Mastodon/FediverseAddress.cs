using System.Text.Json;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>An account's full fediverse address: the stable, cross-instance identity Resonance stores it under.</summary>
/// <param name="Id">The external id: <c>user@instance</c>, lower-cased (Mastodon compares both parts case-insensitively).</param>
/// <param name="Handle">The handle as shown: <c>@User@instance</c>, the user name in its own case.</param>
internal readonly record struct FediverseAddress(string Id, string Handle)
{
    /// <summary>The address of a Mastodon API account or mention (fields <c>acct</c>, and <c>url</c> for local accounts).</summary>
    /// <remarks><c>acct</c> is <c>user@instance</c> for a remote account and just <c>user</c> for one local to the server
    /// that answered; the instance of a local account is the host of its profile <c>url</c> (or of its <c>uri</c>).</remarks>
    /// <exception cref="MalformedFieldException">No address can be formed.</exception>
    public static FediverseAddress Of(JsonElement account, string path)
    {
        var acct = JsonFields.RequiredString(account, "acct", path);
        var at = acct.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return TryCreate(acct[..at], acct[(at + 1)..], out var remote)
                ? remote
                : throw new MalformedFieldException(path + "acct", "must be 'user' or 'user@instance'", acct);
        }
        var profile = JsonFields.OptionalString(account, "url", path) ?? JsonFields.OptionalString(account, "uri", path);
        return HostOf(profile) is { } host && TryCreate(acct, host, out var local)
            ? local
            : throw new MalformedFieldException(path + "url", "must be the absolute profile URL that names a local account's instance", profile ?? "");
    }

    /// <summary>The address of an actor URI that follows Mastodon's path conventions: <c>https://host/users/name</c>
    /// (also <c>…/users/name/statuses/id</c> for a status's author) or <c>https://host/@name</c>; null for any other URI.</summary>
    public static FediverseAddress? FromActorUri(string? uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Host.Length == 0)
        {
            return null;
        }
        var segments = parsed.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? user = segments switch
        {
            ["users", var name, ..] => name,
            [var at, ..] when at.Length > 1 && at[0] == '@' => at[1..],
            _ => null,
        };
        return user is not null && TryCreate(Uri.UnescapeDataString(user), parsed.Host, out var address) ? address : null;
    }

    /// <summary>The address in a full handle <c>@user@instance</c> (an Activity Streams <c>Mention</c>'s name); null for
    /// anything else, such as a local <c>@user</c>.</summary>
    public static FediverseAddress? FromName(string? name)
    {
        var text = name is { Length: > 0 } && name[0] == '@' ? name[1..] : name;
        var at = text?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        return at > 0 && TryCreate(text![..at], text[(at + 1)..], out var address) ? address : null;
    }

    /// <summary>The lower-case host of an absolute URL, or null.</summary>
    public static string? HostOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.Host.Length > 0 ? parsed.Host.ToLowerInvariant() : null;

    private static bool TryCreate(string user, string instance, out FediverseAddress address)
    {
        if (user.Length == 0 || instance.Length == 0 || instance.Contains('@', StringComparison.Ordinal) || user.Contains('@', StringComparison.Ordinal))
        {
            address = default;
            return false;
        }
        var host = instance.ToLowerInvariant();
        address = new FediverseAddress(string.Concat(user.ToLowerInvariant(), "@", host), string.Concat("@", user, "@", host));
        return true;
    }
}
