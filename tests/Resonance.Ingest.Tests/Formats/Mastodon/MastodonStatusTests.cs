using Resonance.Domain;
using Resonance.Ingest.Formats.Mastodon;
using static Resonance.Ingest.Tests.Formats.Mastodon.MastodonJson;

namespace Resonance.Ingest.Tests.Formats.Mastodon;

public class MastodonStatusTests
{
    private static readonly MastodonReader Reader = new();
    private static readonly DateTimeOffset Noon = Records.Utc(2024, 5, 1, 12, 0, 0);

    [Fact]
    public void Read_Status_AuthorAccountByFullAddressAndPostByUri()
    {
        var json = Status("100", "https://example.social/users/alice/statuses/100", Alice,
            content: "<p>Hello &amp; <a href=\"https://example.social/tags/AI\">#<span>AI</span></a><br>next</p><p>two</p>",
            tags: """[{"name":"AI"},{"name":"ai"},{"name":"LLM"}]""");

        var records = Records.Read(Reader, json);

        Assert.Empty(records.Errors());
        Assert.Equal(new Account("mastodon", "alice@example.social", "@alice@example.social", "Alice A."), Assert.Single(records.Accounts()));
        var post = Assert.Single(records.Posts());
        Assert.Equal(new Post("mastodon", "https://example.social/users/alice/statuses/100", "alice@example.social", Noon,
            "Hello & #AI\nnext\n\ntwo", ["ai", "llm"]), post);
        Assert.Empty(records.Interactions());
    }

    [Fact]
    public void Read_RemoteAccount_IdLowerCasedHandleKeepsUserCase()
    {
        var json = Status("100", "https://other.example/users/Bob/statuses/5", Bob);

        var account = Assert.Single(Records.Read(Reader, json).Accounts());

        Assert.Equal(new Account("mastodon", "bob@other.example", "@Bob@other.example", "Bob"), account);
    }

    [Fact]
    public void Read_Reblog_BoostedStatusThenRepostFromBoosterToAuthor()
    {
        var boosted = Status("7", "https://other.example/users/Bob/statuses/5", Bob);
        var json = Status("8", "https://example.social/users/alice/statuses/8/activity", Alice, created: "2024-05-01T13:00:00Z", reblog: boosted);

        var records = Records.Read(Reader, json, new ReaderOptions("fedi"));

        Assert.Equal(["https://other.example/users/Bob/statuses/5", "https://example.social/users/alice/statuses/8/activity"],
            records.Posts().Select(p => p.ExternalId));
        Assert.Equal("https://other.example/users/Bob/statuses/5", records.Posts()[1].RepostOfPostId);
        Assert.Equal(new Interaction("fedi", Noon.AddHours(1), "alice@example.social", "bob@other.example", InteractionKind.Repost,
            "https://other.example/users/Bob/statuses/5"), Assert.Single(records.Interactions()));
    }

    [Fact]
    public void Read_ReplyInSameResponse_ReplyToParentAndNoSeparateMentionOfTheRepliedAccount()
    {
        var parent = Status("5", "https://other.example/users/Bob/statuses/5", Bob);
        var mentions = $"[{Mention("2", "Bob@other.example", "https://other.example/@Bob")},{Mention("3", "carol@third.example", "https://third.example/@carol")}]";
        var reply = Status("6", "https://example.social/users/alice/statuses/6", Alice, mentions: mentions, inReplyToId: "5", inReplyToAccountId: "2");

        var records = Records.Read(Reader, $"[{parent},{reply}]");

        Assert.Equal("https://other.example/users/Bob/statuses/5", records.Posts()[1].ReplyToPostId);
        Assert.Equal(
            [
                new Interaction("mastodon", Noon, "alice@example.social", "bob@other.example", InteractionKind.Reply, "https://other.example/users/Bob/statuses/5"),
                new Interaction("mastodon", Noon, "alice@example.social", "carol@third.example", InteractionKind.Mention),
            ],
            records.Interactions());
    }

    [Fact]
    public void Read_ReplyToUnseenParent_TargetFromMentionsAndNoReplyTo()
    {
        var mentions = $"[{Mention("2", "Bob@other.example", "https://other.example/@Bob")}]";
        var reply = Status("6", "https://example.social/users/alice/statuses/6", Alice, mentions: mentions, inReplyToId: "5", inReplyToAccountId: "2");

        var records = Records.Read(Reader, reply);

        Assert.Null(Assert.Single(records.Posts()).ReplyToPostId);
        Assert.Equal(new Interaction("mastodon", Noon, "alice@example.social", "bob@other.example", InteractionKind.Reply),
            Assert.Single(records.Interactions()));
    }

    [Fact]
    public void Read_SelfReply_IsAReplyToTheAuthor()
    {
        var reply = Status("6", "https://example.social/users/alice/statuses/6", Alice, inReplyToId: "5", inReplyToAccountId: "1");

        var interaction = Assert.Single(Records.Read(Reader, reply).Interactions());

        Assert.Equal(("alice@example.social", "alice@example.social", InteractionKind.Reply), (interaction.ActorId, interaction.TargetId, interaction.Kind));
    }

    [Fact]
    public void Read_Quote_QuotedStatusThenQuoteInteraction()
    {
        var quoted = Status("5", "https://other.example/users/Bob/statuses/5", Bob);
        var json = Status("6", "https://example.social/users/alice/statuses/6", Alice)
            .Replace("\"reblog\":null", $$"""
                "reblog":null,"quote":{"state":"accepted","quoted_status":{{quoted}}}
                """, StringComparison.Ordinal);

        var records = Records.Read(Reader, json);

        Assert.Equal("https://other.example/users/Bob/statuses/5", records.Posts()[1].QuoteOfPostId);
        Assert.Equal(new Interaction("mastodon", Noon, "alice@example.social", "bob@other.example", InteractionKind.Quote,
            "https://other.example/users/Bob/statuses/5"), Assert.Single(records.Interactions()));
    }

    [Fact]
    public void Read_LocalAccountWithoutUrl_ErrorNamesFieldAndDropsTheStatus()
    {
        var json = Status("6", "https://example.social/users/alice/statuses/6", """{"id":"1","acct":"alice"}""");

        var records = Records.Read(Reader, json);

        var error = Assert.Single(records);
        Assert.Equal("account.url", error.Error!.Field);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Read_TimeWithoutOffset_IsAnError()
    {
        var json = Status("6", "https://example.social/users/alice/statuses/6", Alice, created: "2024-05-01T12:00:00");

        var error = Assert.Single(Records.Read(Reader, json).Errors());

        Assert.Equal("created_at", error.Field);
    }
}
