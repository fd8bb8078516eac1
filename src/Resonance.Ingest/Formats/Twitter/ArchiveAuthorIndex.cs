using System.Globalization;
using Resonance.Domain;

namespace Resonance.Ingest.Formats.Twitter;

/// <summary>What an archive tells about other people's tweets: who wrote the tweets the owner replied to or quoted,
/// and which id each screen name has. Used to resolve quotes and likes, which name only a tweet.</summary>
/// <remarks>
/// Filled while <c>tweets.js</c> is read: every own tweet (author: the owner), every reply parent (author:
/// <c>in_reply_to_user_id</c>) and every screen name seen in mentions and replies. Quotes are resolved after the last
/// tweet (a screen name may appear only later), then likes. Memory is about 100 bytes per tweet and per distinct
/// screen name, which is small next to the archive itself.
/// </remarks>
internal sealed class ArchiveAuthorIndex(string ownerId)
{
    /// <summary>Skip reason for a quote whose author cannot be told.</summary>
    public const string UnknownQuoteAuthor = "quotes whose quoted author is unknown (kept as posts with quote_of, no quote interaction)";

    private readonly Dictionary<long, string> authors = [];
    private readonly Dictionary<string, string> screenNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PendingQuote> quotes = [];

    /// <summary>Records what the tweet just parsed says about authors and screen names.</summary>
    public void Add(ArchiveTweetParser parsed, long line)
    {
        var tweet = parsed.Tweet;
        Remember(tweet.Id, ownerId);
        if (tweet.ReplyToPostId is { } parent && tweet.ReplyToUserId is { } parentAuthor)
        {
            Remember(parent, parentAuthor);
            if (parsed.ReplyToScreenName is { } replyName)
            {
                screenNames.TryAdd(replyName, parentAuthor);
            }
        }
        foreach (var mention in parsed.Mentions)
        {
            if (mention.ScreenName is { } name)
            {
                screenNames.TryAdd(name, mention.Id);
            }
        }
        if (tweet.QuotedPostId is { } quoted)
        {
            quotes.Add(new PendingQuote(line, tweet.CreatedAt, quoted, parsed.QuotedScreenName));
        }
    }

    /// <summary>Adds the quote interactions whose quoted author is now known; counts the others.</summary>
    public void AddQuotes(string network, List<SourceRecord> output, ReadProgress progress)
    {
        foreach (var quote in quotes)
        {
            if (quote.ScreenName is { } name && screenNames.TryGetValue(name, out var author))
            {
                Remember(quote.PostId, author);
                output.Add(SourceRecord.Of(quote.Line, new Interaction(network, quote.Time, ownerId, author, InteractionKind.Quote, quote.PostId)));
            }
            else
            {
                progress.Skip(UnknownQuoteAuthor);
            }
        }
        quotes.Clear();
    }

    /// <summary>The author of tweet <paramref name="tweetId"/>, when the archive tells it.</summary>
    public string? AuthorOf(string tweetId) => TryKey(tweetId, out var key) && authors.TryGetValue(key, out var author) ? author : null;

    private void Remember(string tweetId, string author)
    {
        if (TryKey(tweetId, out var key))
        {
            authors.TryAdd(key, author);
        }
    }

    private static bool TryKey(string tweetId, out long key) =>
        long.TryParse(tweetId, NumberStyles.None, CultureInfo.InvariantCulture, out key);

    private readonly record struct PendingQuote(long Line, DateTimeOffset Time, string PostId, string? ScreenName);
}
