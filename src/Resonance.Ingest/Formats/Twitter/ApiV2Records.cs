using Resonance.Domain;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>Turns one parsed API v2 page into accounts, posts and interactions, resolving ids within the page.</summary>
/// <remarks>
/// A retweet's or quote's original author is the <c>author_id</c> of the referenced tweet, which a response carries in
/// <c>includes.tweets</c> (the <c>referenced_tweets.id</c> expansion); a reply's parent author is
/// <c>in_reply_to_user_id</c>; a mention without an id (older responses) is looked up by username among the page's
/// users. What cannot be resolved within the page is counted as skipped, never guessed.
/// </remarks>
internal sealed class ApiV2Records
{
    /// <summary>Skip reason for tweets without <c>author_id</c>.</summary>
    public const string NoAuthor = "tweets without author_id (request tweet.fields=author_id)";

    /// <summary>Skip reason for tweets without a time.</summary>
    public const string NoTime = "tweets without created_at whose id holds no time";

    /// <summary>Skip reason for quotes whose quoted author is not in the page.</summary>
    public const string UnknownQuoteAuthor = "quotes whose quoted tweet is not in includes (kept as posts with quote_of, no quote interaction)";

    /// <summary>Skip reason for mentions whose user id is unknown.</summary>
    public const string UnknownMention = "mentions without a user id or a matching included user";

    private readonly Dictionary<string, string> authors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> usernames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> emitted = new(StringComparer.Ordinal);
    private readonly AccountSet accounts = new();
    private readonly TweetFields tweet = new();

    /// <summary>Adds the page's records to <paramref name="output"/> (all with line <paramref name="line"/>) or returns the first error.</summary>
    public RecordError? Add(ApiV2PageParser page, string network, string file, long line, List<SourceRecord> output, ReadProgress progress)
    {
        authors.Clear();
        usernames.Clear();
        emitted.Clear();
        foreach (var user in page.Users)
        {
            if (user.Id is null)
            {
                return RecordError.At(file, line, "id", "is missing from a user object", user.Username);
            }
            usernames.TryAdd(user.Username!, user.Id);
            accounts.Add(new Account(network, user.Id, "@" + user.Username, user.Name), line, output);
        }
        foreach (var t in page.Tweets)
        {
            if (t.Id is null)
            {
                return RecordError.At(file, line, "id", "is missing from a tweet object", t.Text);
            }
            if (t.AuthorId is not null)
            {
                authors.TryAdd(t.Id, t.AuthorId);
            }
            foreach (var (id, username) in t.Mentions)
            {
                if (id is not null && username is not null)
                {
                    usernames.TryAdd(username, id);
                    accounts.Add(new Account(network, id, "@" + username), line, output);
                }
            }
        }
        foreach (var t in page.Tweets)
        {
            if (emitted.Add(t.Id!))
            {
                AddTweet(t, network, line, output, progress);
            }
        }
        return null;
    }

    private void AddTweet(ApiV2Object t, string network, long line, List<SourceRecord> output, ReadProgress progress)
    {
        if (t.AuthorId is null)
        {
            progress.Skip(NoAuthor);
            return;
        }
        tweet.Clear();
        tweet.Id = t.Id!;
        tweet.AuthorId = t.AuthorId;
        if (t.CreatedAt is { } created || TweetTimes.TryFromSnowflake(t.Id!, out created))
        {
            tweet.CreatedAt = created;
        }
        else
        {
            progress.Skip(NoTime);
            return;
        }
        tweet.Text = t.Text;
        tweet.Hashtags.AddRange(t.Hashtags);
        foreach (var (type, id) in t.References)
        {
            switch (type)
            {
                case "retweeted":
                    tweet.IsRepost = true;
                    tweet.RepostedPostId = id;
                    tweet.RepostedUserId = AuthorOf(id) ?? RetweetedByName(t.Text);
                    break;
                case "quoted":
                    tweet.QuotedPostId = id;
                    tweet.QuotedUserId = AuthorOf(id);
                    break;
                case "replied_to":
                    tweet.ReplyToPostId = id;
                    tweet.ReplyToUserId = t.InReplyToUserId ?? AuthorOf(id);
                    break;
            }
        }
        if (!tweet.IsRepost && tweet.QuotedPostId is not null && tweet.QuotedUserId is null)
        {
            progress.Skip(UnknownQuoteAuthor);
        }
        foreach (var (id, username) in t.Mentions)
        {
            if ((id ?? (username is null ? null : usernames.GetValueOrDefault(username))) is { } mentioned)
            {
                tweet.MentionIds.Add(mentioned);
            }
            else if (!tweet.IsRepost)
            {
                progress.Skip(UnknownMention);
            }
        }
        tweet.AddRecords(network, line, output, progress);
    }

    private string? AuthorOf(string? tweetId) => tweetId is not null && authors.TryGetValue(tweetId, out var author) ? author : null;

    /// <summary>The id of the included user named in a retweet's <c>RT @name:</c> prefix.</summary>
    private string? RetweetedByName(string? text)
    {
        if (text is null || !text.StartsWith("RT @", StringComparison.Ordinal))
        {
            return null;
        }
        var colon = text.IndexOf(':', 4);
        return colon < 0 ? null : usernames.GetValueOrDefault(text[4..colon]);
    }
}
