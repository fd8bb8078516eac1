using System.IO.Compression;
using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Formats.Twitter;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.RealData;

/// <summary>
/// Reads the real archive in shared/data/twitter-archive-sample. Record counts come from its SOURCE.md (1,986 tweets,
/// 1,359 likes, 420 followers, 295 following, 643 retweets, 485 replies); the rest are computed here from the raw
/// files with <see cref="JsonDocument"/>, independently of the reader.
/// </summary>
[Trait("Category", "Slow")]
public class TwitterArchiveRealDataTests
{
    private const string Owner = "112769581";

    [Fact]
    public void ReadPath_Folder_SourceCountsComeOutExactly()
    {
        var folder = ArchiveFolder();
        var progress = new ReadProgress();

        var records = new TwitterArchiveReader().ReadPath(folder, new ReaderOptions(), progress).ToList();

        Assert.Empty(records.Errors());
        var posts = records.Posts();
        var interactions = records.Interactions();
        Assert.Equal(1_986, posts.Count);
        Assert.All(posts, p => Assert.Equal(Owner, p.AuthorId));
        Assert.Equal(1_986, posts.Select(p => p.ExternalId).Distinct().Count());
        Assert.Equal(420, interactions.Count(i => i.Kind == InteractionKind.Follow && i.TargetId == Owner && i.OccurredAt is null));
        Assert.Equal(295, interactions.Count(i => i.Kind == InteractionKind.Follow && i.ActorId == Owner && i.OccurredAt is null));
        Assert.Equal(643, interactions.Count(i => i.Kind == InteractionKind.Repost));
        Assert.Equal(485, interactions.Count(i => i.Kind == InteractionKind.Reply));
        var likes = interactions.Where(i => i.Kind == InteractionKind.Like).ToList();
        var skippedLikes = progress.Skipped.Single(s => s.Key == TwitterArchiveReader.UnknownLikeAuthor).Value;
        Assert.Equal(1_359, likes.Count + skippedLikes);
        Assert.All(likes, l => Assert.Equal(Owner, l.ActorId));
        Assert.Equal(ExpectedMentions(folder), interactions.Count(i => i.Kind == InteractionKind.Mention));
        Assert.Equal(LikesOfRepliedToTweets(folder), likes.Count(l => RepliedTo(folder).ContainsKey(l.PostId!)));
        Assert.All(likes.Where(l => RepliedTo(folder).ContainsKey(l.PostId!)), l => Assert.Equal(RepliedTo(folder)[l.PostId!], l.TargetId));

        var owner = Assert.Single(records.Accounts(), a => a.ExternalId == Owner);
        Assert.Equal(new Account("twitter", Owner, "@andreruffert", "André Ruffert"), owner);
        Assert.Equal(new FileInfo(Path.Combine(folder, "data", "tweets.js")).Length, new TwitterArchiveReader().InputLength(folder)
            - Directory.GetFiles(Path.Combine(folder, "data"), "*.js")
                .Where(f => Path.GetFileName(f) is "account.js" or "manifest.js" or "like.js" or "follower.js" or "following.js")
                .Sum(f => new FileInfo(f).Length));
        Assert.Equal(new TwitterArchiveReader().InputLength(folder), progress.BytesRead);
    }

    [Fact]
    public void ReadPath_Zip_GivesTheSameRecordsAsTheFolder()
    {
        var folder = ArchiveFolder();
        using var temp = Records.TempFolder();
        var zip = temp.File("twitter-archive.zip");
        ZipFile.CreateFromDirectory(folder, zip);

        var fromFolder = new TwitterArchiveReader().ReadPath(folder, new ReaderOptions(), new ReadProgress()).ToList();
        var fromZip = new TwitterArchiveReader().ReadPath(zip, new ReaderOptions("tw"), new ReadProgress()).ToList();

        Assert.Equal(fromFolder.Count, fromZip.Count);
        Assert.Equal(fromFolder.Posts().Select(p => p with { Network = "tw" }), fromZip.Posts());
        Assert.Equal(fromFolder.Interactions().Select(i => i with { Network = "tw" }), fromZip.Interactions());
    }

    [Fact]
    public void ReadPath_Tweets_HashtagsAndTimesMatchTheRawFile()
    {
        var folder = ArchiveFolder();
        var raw = Elements(folder, "tweets.js").Select(e => e.GetProperty("tweet")).ToDictionary(t => t.GetProperty("id_str").GetString()!);

        var posts = new TwitterArchiveReader().ReadPath(folder, new ReaderOptions(), new ReadProgress()).Posts();

        Assert.Equal(382, raw.Values.Sum(t => t.GetProperty("entities").GetProperty("hashtags").GetArrayLength()));
        foreach (var post in posts)
        {
            var tweet = raw[post.ExternalId];
            var tags = tweet.GetProperty("entities").GetProperty("hashtags").EnumerateArray()
                .Select(h => h.GetProperty("text").GetString()!.ToLowerInvariant()).Distinct();
            Assert.Equal(tags, post.Hashtags);
            Assert.Equal(DateTimeOffset.ParseExact(tweet.GetProperty("created_at").GetString()!, "ddd MMM dd HH:mm:ss zzzz yyyy",
                System.Globalization.CultureInfo.InvariantCulture), post.CreatedAt);
            Assert.Equal(tweet.GetProperty("full_text").GetString(), post.Text);
        }
    }

    private static string ArchiveFolder() =>
        Path.GetDirectoryName(Path.GetDirectoryName(SharedData.File("twitter-archive-sample/data/tweets.js")))!;

    /// <summary>Mentions the reader must give: per non-retweet, each distinct mentioned id except a reply's parent author.</summary>
    private static int ExpectedMentions(string folder) => Elements(folder, "tweets.js").Select(e => e.GetProperty("tweet"))
        .Where(t => !t.GetProperty("full_text").GetString()!.StartsWith("RT @", StringComparison.Ordinal))
        .Sum(t =>
        {
            var parent = t.TryGetProperty("in_reply_to_status_id_str", out _) ? t.GetProperty("in_reply_to_user_id_str").GetString() : null;
            return t.GetProperty("entities").GetProperty("user_mentions").EnumerateArray()
                .Select(m => m.GetProperty("id_str").GetString()).Distinct().Count(id => id != parent);
        });

    private static Dictionary<string, string> RepliedTo(string folder) => Elements(folder, "tweets.js").Select(e => e.GetProperty("tweet"))
        .Where(t => t.TryGetProperty("in_reply_to_status_id_str", out _))
        .GroupBy(t => t.GetProperty("in_reply_to_status_id_str").GetString()!)
        .ToDictionary(g => g.Key, g => g.First().GetProperty("in_reply_to_user_id_str").GetString()!);

    private static int LikesOfRepliedToTweets(string folder)
    {
        var parents = RepliedTo(folder);
        return Elements(folder, "like.js").Count(e => parents.ContainsKey(e.GetProperty("like").GetProperty("tweetId").GetString()!));
    }

    private static List<JsonElement> Elements(string folder, string file)
    {
        var text = File.ReadAllText(Path.Combine(folder, "data", file));
        return [.. JsonDocument.Parse(text[(text.IndexOf('=', StringComparison.Ordinal) + 1)..]).RootElement.EnumerateArray()];
    }
}
