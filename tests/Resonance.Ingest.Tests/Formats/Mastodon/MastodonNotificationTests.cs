using Resonance.Domain;
using Resonance.Ingest.Formats.Mastodon;
using static Resonance.Ingest.Tests.Formats.Mastodon.MastodonJson;

namespace Resonance.Ingest.Tests.Formats.Mastodon;

public class MastodonNotificationTests
{
    private static readonly MastodonReader Reader = new();
    private static readonly string AliceStatus = Status("100", "https://example.social/users/alice/statuses/100", Alice);

    private static string Notification(string type, string account, string? status) =>
        $$"""{"id":"9","type":"{{type}}","created_at":"2024-05-02T10:00:00.000Z","account":{{account}},"status":{{status ?? "null"}}}""";

    [Fact]
    public void Read_FavouriteAndReblogNotifications_InteractionsTowardsTheStatusAuthor()
    {
        var json = $"[{Notification("favourite", Bob, AliceStatus)},{Notification("reblog", Bob, AliceStatus)}]";

        var interactions = Records.Read(Reader, json).Interactions();

        var time = Records.Utc(2024, 5, 2, 10, 0, 0);
        const string post = "https://example.social/users/alice/statuses/100";
        Assert.Equal(
            [
                new Interaction("mastodon", time, "bob@other.example", "alice@example.social", InteractionKind.Like, post),
                new Interaction("mastodon", time, "bob@other.example", "alice@example.social", InteractionKind.Repost, post),
            ],
            interactions);
    }

    [Fact]
    public void Read_FollowNotification_NeedsTheRecipientWrapper()
    {
        var bare = Records.Read(Reader, $"[{Notification("follow", Bob, null)}]");
        var wrapped = Records.Read(Reader, $$"""{"account":{{Alice}},"notifications":[{{Notification("follow", Bob, null)}}]}""");

        Assert.Empty(bare.Interactions());
        Assert.Equal(new Interaction("mastodon", Records.Utc(2024, 5, 2, 10, 0, 0), "bob@other.example", "alice@example.social", InteractionKind.Follow),
            Assert.Single(wrapped.Interactions()));
    }

    [Fact]
    public void Read_MentionNotification_MapsItsStatus()
    {
        var mentions = $"[{Mention("1", "alice", "https://example.social/@alice")}]";
        var bobStatus = Status("5", "https://other.example/users/Bob/statuses/5", Bob, mentions: mentions);

        var interaction = Assert.Single(Records.Read(Reader, Notification("mention", Bob, bobStatus)).Interactions());

        Assert.Equal(("bob@other.example", "alice@example.social", InteractionKind.Mention), (interaction.ActorId, interaction.TargetId, interaction.Kind));
    }

    [Fact]
    public void Read_GroupedNotifications_SamplesActTimedOnlyForSingleNotifications()
    {
        var json = $$"""
            {"accounts":[{{Bob}},{{Account("3", "carol@third.example", "https://third.example/@carol")}}],
             "statuses":[{{AliceStatus}}],
             "notification_groups":[
               {"type":"favourite","notifications_count":2,"sample_account_ids":["2","3"],"status_id":"100","latest_page_notification_at":"2024-05-02T10:00:00.000Z"},
               {"type":"reblog","notifications_count":1,"sample_account_ids":["3"],"status_id":"100","latest_page_notification_at":"2024-05-02T11:00:00.000Z"}]}
            """;

        var interactions = Records.Read(Reader, json).Interactions();

        const string post = "https://example.social/users/alice/statuses/100";
        Assert.Equal(
            [
                new Interaction("mastodon", null, "bob@other.example", "alice@example.social", InteractionKind.Like, post),
                new Interaction("mastodon", null, "carol@third.example", "alice@example.social", InteractionKind.Like, post),
                new Interaction("mastodon", Records.Utc(2024, 5, 2, 11, 0, 0), "carol@third.example", "alice@example.social", InteractionKind.Repost, post),
            ],
            interactions);
    }

    [Fact]
    public void Read_StatusListsWrapper_UntimedRepostsAndLikesOfTheStatus()
    {
        var json = $$"""{"status":{{AliceStatus}},"reblogged_by":[{{Bob}}],"favourited_by":[{{Bob}}]}""";

        var records = Records.Read(Reader, json);

        const string post = "https://example.social/users/alice/statuses/100";
        Assert.Equal(2, records.Accounts().Count);
        Assert.Equal(
            [
                new Interaction("mastodon", null, "bob@other.example", "alice@example.social", InteractionKind.Repost, post),
                new Interaction("mastodon", null, "bob@other.example", "alice@example.social", InteractionKind.Like, post),
            ],
            records.Interactions());
    }

    [Fact]
    public void Read_StatusListsWrapperWithoutStatus_OneError()
    {
        var error = Assert.Single(Records.Read(Reader, $$"""{"reblogged_by":[{{Bob}}]}"""));

        Assert.Equal("status", error.Error!.Field);
    }
}
