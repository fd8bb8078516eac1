using System.Text.Json;
using System.Text.RegularExpressions;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>A user mentioned in an archive tweet (<c>entities.user_mentions</c>).</summary>
internal readonly record struct ArchiveMention(string Id, string? ScreenName, string? Name);

/// <summary>Parses one element of an archive's <c>tweets.js</c>: a classic (API v1.1 shaped) tweet, wrapped in
/// <c>{"tweet": …}</c> since 2020 and bare before.</summary>
/// <remarks>
/// Reads <c>id_str</c>, <c>full_text</c>, <c>created_at</c>, <c>in_reply_to_*</c> and <c>entities</c> (hashtags,
/// user_mentions, urls); everything else is skipped unread. The archive does not mark retweets or quotes: a text
/// starting <c>RT @name</c> is a retweet of the mentioned <c>name</c>; otherwise the first link to a tweet
/// (<c>twitter.com/NAME/status/ID</c>) is taken as the quoted tweet. Reused from element to element.
/// </remarks>
internal sealed partial class ArchiveTweetParser(StringPool pool)
{
    /// <summary>The tweet, its author set to the archive owner.</summary>
    public TweetFields Tweet { get; } = new();

    /// <summary>The mentioned users, in order.</summary>
    public List<ArchiveMention> Mentions { get; } = [];

    /// <summary>The replied-to user's screen name, if any.</summary>
    public string? ReplyToScreenName { get; private set; }

    /// <summary>The screen name in the quoted tweet's link (null for <c>i/web</c> links or no quote).</summary>
    public string? QuotedScreenName { get; private set; }

    /// <summary>Parses <paramref name="element"/>.</summary>
    /// <exception cref="TwitterFieldException">A field is missing or malformed.</exception>
    /// <exception cref="JsonException">The element is not valid JSON.</exception>
    public void Parse(ReadOnlySpan<byte> element, string ownerId)
    {
        Tweet.Clear();
        Mentions.Clear();
        ReplyToScreenName = QuotedScreenName = null;
        var raw = new RawTweet();
        var reader = new Utf8JsonReader(element);
        reader.Read();
        TwitterJson.Expect(ref reader, JsonTokenType.StartObject, "tweet");
        ReadProperties(ref reader, raw);

        Tweet.Id = raw.IdStr ?? raw.Id ?? throw new TwitterFieldException("id_str", "is missing");
        Tweet.CreatedAt = raw.CreatedAt ?? throw new TwitterFieldException("created_at", "is missing");
        Tweet.AuthorId = ownerId;
        Tweet.Text = raw.FullText ?? raw.Text;
        Tweet.ReplyToPostId = raw.ReplyToStatusIdStr ?? raw.ReplyToStatusId;
        Tweet.ReplyToUserId = raw.ReplyToUserIdStr ?? raw.ReplyToUserId;
        ReplyToScreenName = raw.ReplyToScreenName;
        foreach (var mention in Mentions)
        {
            Tweet.MentionIds.Add(mention.Id);
        }
        if (Tweet.Text is { } text && text.StartsWith("RT @", StringComparison.Ordinal))
        {
            Tweet.IsRepost = true;
            var name = text.AsSpan(4);
            var length = name.IndexOfAnyExcept(WordCharacters);
            Tweet.RepostedUserId = MentionedId(length < 0 ? name : name[..length]);
        }
        else if (raw.QuoteUrl is { } quote)
        {
            Tweet.QuotedPostId = quote.Groups["id"].Value;
            QuotedScreenName = quote.Groups["user"].Success ? quote.Groups["user"].Value : null;
        }
    }

    /// <summary>The id of the mentioned user called <paramref name="screenName"/> (any case), or null.</summary>
    public string? MentionedId(ReadOnlySpan<char> screenName)
    {
        foreach (var mention in Mentions)
        {
            if (screenName.Equals(mention.ScreenName, StringComparison.OrdinalIgnoreCase))
            {
                return mention.Id;
            }
        }
        return null;
    }

    private static readonly System.Buffers.SearchValues<char> WordCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_");

    [GeneratedRegex(@"^https?://(?:www\.|mobile\.)?(?:twitter|x)\.com/(?:i/web|(?<user>\w{1,15}))/status(?:es)?/(?<id>\d+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TweetLink();

    private void ReadProperties(ref Utf8JsonReader reader, RawTweet raw)
    {
        while (TwitterJson.NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("tweet"u8))
            {
                reader.Read();
                if (TwitterJson.Expect(ref reader, JsonTokenType.StartObject, "tweet"))
                {
                    ReadProperties(ref reader, raw);
                }
            }
            else if (reader.ValueTextEquals("entities"u8))
            {
                reader.Read();
                ReadEntities(ref reader, raw);
            }
            else if (reader.ValueTextEquals("created_at"u8))
            {
                reader.Read();
                var text = TwitterJson.String(ref reader, "created_at");
                raw.CreatedAt = text is null ? null
                    : TweetTimes.TryParseClassic(text, out var time) ? time
                    : throw new TwitterFieldException("created_at", $"must be a time like 'Thu Nov 03 08:50:26 +0000 2022', not '{text}'");
            }
            else
            {
                ReadScalar(ref reader, raw);
            }
        }
    }

    private void ReadScalar(ref Utf8JsonReader reader, RawTweet raw)
    {
        ref var slot = ref raw.Slot(ref reader, out var name);
        reader.Read();
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slot))
        {
            reader.Skip();
            return;
        }
        slot = name is "full_text" or "text" ? TwitterJson.String(ref reader, name) : TwitterJson.Pooled(ref reader, name, pool);
    }

    private void ReadEntities(ref Utf8JsonReader reader, RawTweet raw)
    {
        if (!TwitterJson.Expect(ref reader, JsonTokenType.StartObject, "entities"))
        {
            return;
        }
        while (TwitterJson.NextProperty(ref reader))
        {
            var kind = reader.ValueTextEquals("hashtags"u8) ? 1 : reader.ValueTextEquals("user_mentions"u8) ? 2 : reader.ValueTextEquals("urls"u8) ? 3 : 0;
            reader.Read();
            if (kind == 0 || !TwitterJson.Expect(ref reader, JsonTokenType.StartArray, "entities"))
            {
                reader.Skip();
                continue;
            }
            while (TwitterJson.NextElement(ref reader))
            {
                var values = ReadEntity(ref reader, kind);
                if (kind == 1 && values.A is { } tag)
                {
                    Tweet.Hashtags.Add(tag);
                }
                else if (kind == 2 && values.A is { } id)
                {
                    Mentions.Add(new ArchiveMention(id, values.B, values.C));
                }
                else if (kind == 3 && raw.QuoteUrl is null && values.A is { } url && TweetLink().Match(url) is { Success: true } match)
                {
                    raw.QuoteUrl = match;
                }
            }
        }
    }

    /// <summary>Reads one entity object: hashtag <c>text</c>; mention <c>id_str</c>, <c>screen_name</c>, <c>name</c>; url <c>expanded_url</c>.</summary>
    private (string? A, string? B, string? C) ReadEntity(ref Utf8JsonReader reader, int kind)
    {
        var field = kind switch { 1 => "entities.hashtags", 2 => "entities.user_mentions", _ => "entities.urls" };
        string? a = null, b = null, c = null;
        if (!TwitterJson.Expect(ref reader, JsonTokenType.StartObject, field))
        {
            return (a, b, c);
        }
        while (TwitterJson.NextProperty(ref reader))
        {
            var slot = kind switch
            {
                1 => reader.ValueTextEquals("text"u8) ? 1 : 0,
                2 => reader.ValueTextEquals("id_str"u8) ? 1 : reader.ValueTextEquals("screen_name"u8) ? 2 : reader.ValueTextEquals("name"u8) ? 3 : 0,
                _ => reader.ValueTextEquals("expanded_url"u8) ? 1 : 0,
            };
            reader.Read();
            switch (slot)
            {
                case 1: a = kind == 3 ? TwitterJson.String(ref reader, field) : TwitterJson.Pooled(ref reader, field, pool); break;
                case 2: b = TwitterJson.Pooled(ref reader, field, pool); break;
                case 3: c = TwitterJson.Pooled(ref reader, field, pool); break;
                default: reader.Skip(); break;
            }
        }
        return (a, b, c);
    }

    /// <summary>The raw values of one tweet before they are checked and combined.</summary>
    private sealed class RawTweet
    {
        public string? IdStr, Id, FullText, Text, ReplyToStatusIdStr, ReplyToStatusId, ReplyToUserIdStr, ReplyToUserId, ReplyToScreenName;
        public DateTimeOffset? CreatedAt;
        public Match? QuoteUrl;

        /// <summary>The field the current property name fills, or a null reference for properties that are skipped.</summary>
        public ref string? Slot(ref Utf8JsonReader reader, out string name)
        {
            if (reader.ValueTextEquals("id_str"u8)) { name = "id_str"; return ref IdStr; }
            if (reader.ValueTextEquals("id"u8)) { name = "id"; return ref Id; }
            if (reader.ValueTextEquals("full_text"u8)) { name = "full_text"; return ref FullText; }
            if (reader.ValueTextEquals("text"u8)) { name = "text"; return ref Text; }
            if (reader.ValueTextEquals("in_reply_to_status_id_str"u8)) { name = "in_reply_to_status_id_str"; return ref ReplyToStatusIdStr; }
            if (reader.ValueTextEquals("in_reply_to_status_id"u8)) { name = "in_reply_to_status_id"; return ref ReplyToStatusId; }
            if (reader.ValueTextEquals("in_reply_to_user_id_str"u8)) { name = "in_reply_to_user_id_str"; return ref ReplyToUserIdStr; }
            if (reader.ValueTextEquals("in_reply_to_user_id"u8)) { name = "in_reply_to_user_id"; return ref ReplyToUserId; }
            if (reader.ValueTextEquals("in_reply_to_screen_name"u8)) { name = "in_reply_to_screen_name"; return ref ReplyToScreenName; }
            name = "";
            return ref System.Runtime.CompilerServices.Unsafe.NullRef<string?>();
        }
    }
}
