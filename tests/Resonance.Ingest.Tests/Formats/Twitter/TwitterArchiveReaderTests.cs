using Resonance.Domain;
using Resonance.Ingest.Formats.Twitter;

namespace Resonance.Ingest.Tests.Formats.Twitter;

public class TwitterArchiveReaderTests
{
    private const string Account = """window.YTD.account.part0 = [ { "account" : { "accountId" : "1", "username" : "me", "accountDisplayName" : "Me" } } ]""";

    private static string Tweet(string id, string text, string extra = "") =>
        $$"""{ "tweet" : { "id_str" : "{{id}}", "created_at" : "Thu Nov 03 08:50:26 +0000 2022", "full_text" : "{{text}}", "entities" : { "hashtags" : [ { "text" : "AI" } ], "user_mentions" : [ { "screen_name" : "Bob", "name" : "Bob B", "id_str" : "2" } ], "urls" : [ ] }{{extra}} } }""";

    [Fact]
    public void ReadPath_PartsAndEmptyArrays_ReadsEveryPartInOrderAndMapsRetweetsRepliesAndLikes()
    {
        using var temp = Records.TempFolder();
        Directory.CreateDirectory(temp.File("data"));
        File.WriteAllText(temp.File("data/account.js"), Account);
        File.WriteAllText(temp.File("data/tweets.js"), $"window.YTD.tweets.part0 = [\n{Tweet("10", "RT @bob: hi #AI")}\n]");
        File.WriteAllText(temp.File("data/tweets-part1.js"), $"window.YTD.tweets.part1 = [\n{Tweet("11", "@bob yes", ", \"in_reply_to_status_id_str\" : \"9\", \"in_reply_to_user_id_str\" : \"2\"")}\n]");
        File.WriteAllText(temp.File("data/like.js"), """window.YTD.like.part0 = [ { "like" : { "tweetId" : "9" } }, { "like" : { "tweetId" : "8" } } ]""");
        File.WriteAllText(temp.File("data/follower.js"), "window.YTD.follower.part0 = [ ]");
        var progress = new ReadProgress();

        var records = new TwitterArchiveReader().ReadPath(temp.Path, new ReaderOptions(), progress).ToList();

        Assert.Empty(records.Errors());
        Assert.Equal(["10", "11"], records.Posts().Select(p => p.ExternalId));
        Assert.Equal(["ai"], records.Posts()[0].Hashtags);
        var time = new DateTimeOffset(2022, 11, 3, 8, 50, 26, TimeSpan.Zero);
        Assert.Equal(
            [
                new Interaction("twitter", time, "1", "2", InteractionKind.Repost),
                new Interaction("twitter", time, "1", "2", InteractionKind.Reply, "9"),
                new Interaction("twitter", null, "1", "2", InteractionKind.Like, "9"),
            ],
            records.Interactions());
        Assert.Equal(1, progress.Skipped.Single(s => s.Key == TwitterArchiveReader.UnknownLikeAuthor).Value);
        Assert.Contains(new Account("twitter", "2", "@Bob", "Bob B"), records.Accounts());
    }

    [Fact]
    public void ReadPath_MalformedElementAndBrokenFile_ErrorsAtTheirLinesAndReadingGoesOn()
    {
        using var temp = Records.TempFolder();
        File.WriteAllText(temp.File("account.js"), Account);
        File.WriteAllText(temp.File("tweets.js"), $"window.YTD.tweets.part0 = [\n{Tweet("10", "a")},\n{{ \"tweet\" : {{ \"id_str\" : \"11\", \"created_at\" : \"yesterday\" }} }},\n{Tweet("12", "c")}\n]");
        File.WriteAllText(temp.File("follower.js"), "window.YTD.follower.part0 = [\n{ \"follower\" : { \"accountId\" : \"5\" } },\n{ \"follower\" : { \"accountId\" : ");
        File.WriteAllText(temp.File("following.js"), "window.YTD.following.part0 = [ { \"following\" : { \"accountId\" : \"6\" } } ]");

        var records = new TwitterArchiveReader().ReadPath(temp.Path, new ReaderOptions("x"), new ReadProgress()).ToList();

        var errors = records.Errors();
        Assert.Equal(2, errors.Count);
        Assert.Equal((temp.Path + "/tweets.js", 3L, "created_at"), (errors[0].File, errors[0].Line, errors[0].Field));
        Assert.Equal((temp.Path + "/follower.js", 3L), (errors[1].File, errors[1].Line));
        Assert.Equal(["10", "12"], records.Posts().Select(p => p.ExternalId));
        Assert.Equal([("5", "1"), ("1", "6")], records.Interactions().Where(i => i.Kind == InteractionKind.Follow).Select(i => (i.ActorId, i.TargetId)));
    }

    [Fact]
    public void ReadPath_NoOwner_IsOneError()
    {
        using var temp = Records.TempFolder();
        File.WriteAllText(temp.File("tweets.js"), $"window.YTD.tweets.part0 = [ {Tweet("10", "a")} ]");

        var records = new TwitterArchiveReader().ReadPath(temp.Path, new ReaderOptions(), new ReadProgress()).ToList();

        Assert.Equal("accountId", Assert.Single(records).Error!.Field);
    }
}
