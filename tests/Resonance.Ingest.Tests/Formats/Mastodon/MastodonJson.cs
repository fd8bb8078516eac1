namespace Resonance.Ingest.Tests.Formats.Mastodon;

/// <summary>Small Mastodon API objects, in the shapes the API returns, for reader tests.</summary>
internal static class MastodonJson
{
    public static string Account(string id, string acct, string url, string displayName = "") =>
        $$"""{"id":"{{id}}","username":"{{acct.Split('@')[0]}}","acct":"{{acct}}","display_name":"{{displayName}}","url":"{{url}}"}""";

    public static string Status(
        string id, string uri, string account, string created = "2024-05-01T12:00:00.000Z", string content = "<p>hi</p>",
        string mentions = "[]", string tags = "[]", string? inReplyToId = null, string? inReplyToAccountId = null, string reblog = "null") =>
        $$"""{"id":"{{id}}","uri":"{{uri}}","created_at":"{{created}}","account":{{account}},"content":{{System.Text.Json.JsonSerializer.Serialize(content)}},"mentions":{{mentions}},"tags":{{tags}},"in_reply_to_id":{{Quoted(inReplyToId)}},"in_reply_to_account_id":{{Quoted(inReplyToAccountId)}},"reblog":{{reblog}}}""";

    public static string Mention(string id, string acct, string url) =>
        $$"""{"id":"{{id}}","username":"{{acct.Split('@')[0]}}","acct":"{{acct}}","url":"{{url}}"}""";

    /// <summary>alice, local to example.social (acct without instance), local id 1.</summary>
    public static readonly string Alice = Account("1", "alice", "https://example.social/@alice", "Alice A.");

    /// <summary>Bob on other.example, seen remotely from example.social, local id 2.</summary>
    public static readonly string Bob = Account("2", "Bob@other.example", "https://other.example/@Bob", "Bob");

    private static string Quoted(string? value) => value is null ? "null" : $"\"{value}\"";
}
