using Resonance.Domain;
using Resonance.Ingest.Formats.Twitter;

namespace Resonance.Ingest.Tests.Formats.Twitter;

public class TwitterApiV2ReaderTests
{
    private static readonly TwitterApiV2Reader Reader = new();

    private const string Page = """{"data":[{"id":"20","author_id":"1","created_at":"2021-09-22T16:37:29.000Z","text":"RT @bob: hi","referenced_tweets":[{"type":"retweeted","id":"19"}],"entities":{"mentions":[{"username":"bob"}]}},{"id":"21","author_id":"1","created_at":"2021-09-22T16:38:00.000Z","text":"@bob so #AI","in_reply_to_user_id":"2","referenced_tweets":[{"type":"replied_to","id":"18"},{"type":"quoted","id":"17"}],"entities":{"hashtags":[{"tag":"AI"}],"mentions":[{"username":"bob","id":"2"},{"username":"carol"}]}}],"includes":{"users":[{"id":"2","username":"bob","name":"Bob"},{"id":"3","username":"carol"}],"tweets":[{"id":"17","author_id":"3","created_at":"2021-09-20T00:00:00.000Z","text":"q"}]}}""";

    [Fact]
    public void Read_Page_ResolvesAuthorsWithinThePage()
    {
        var records = Records.Read(Reader, Page + "\n");

        Assert.Empty(records.Errors());
        Assert.Equal(["20", "21", "17"], records.Posts().Select(p => p.ExternalId));
        var reply = records.Posts()[1];
        Assert.Equal(("18", "17", (string?)null, "ai"), (reply.ReplyToPostId, reply.QuoteOfPostId, reply.RepostOfPostId, reply.Hashtags.Single()));
        Assert.Equal(
            [
                ("2", InteractionKind.Repost, "19"),
                ("2", InteractionKind.Reply, "18"),
                ("3", InteractionKind.Quote, "17"),
                ("3", InteractionKind.Mention, null),
            ],
            records.Interactions().Select(i => (i.TargetId, i.Kind, i.PostId)));
        Assert.Equal([new Account("twitter", "2", "@bob", "Bob"), new Account("twitter", "3", "@carol")], records.Accounts());
    }

    [Fact]
    public void Read_PrettyPrintedResponse_IsOneDocumentAndRecordsCarryItsFirstLine()
    {
        var records = Records.Read(Reader, "\n{\n \"status\": 200,\n \"body\": {\"data\": {\"id\": \"5\", \"username\": \"eve\"}}\n}\n");

        var record = Assert.Single(records);
        Assert.Equal((2L, new Account("twitter", "5", "@eve")), (record.Line, record.Account));
    }

    [Fact]
    public void Read_BadLineAndBadField_ErrorsAtTheirLinesAndTheOtherLinesAreRead()
    {
        var text = Page + "\n{\"data\": {\"id\": \"30\", \n" + """{"data":{"id":"31","author_id":"1","created_at":"soon","text":"x"}}""" + "\n" + Page.Replace("\"2", "\"4", StringComparison.Ordinal) + "\n";

        var records = Records.Read(Reader, text);

        var errors = records.Errors();
        Assert.Equal([(2L, (string?)null), (3L, "created_at")], errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(Records.File, errors[0].File);
        Assert.Equal([1L, 4L], records.Where(r => r.Post is not null).Select(r => r.Line).Distinct());
    }
}
