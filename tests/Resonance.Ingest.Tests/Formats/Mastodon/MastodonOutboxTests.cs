using Resonance.Domain;
using Resonance.Ingest.Formats.Mastodon;

namespace Resonance.Ingest.Tests.Formats.Mastodon;

/// <summary>
/// Reads Fixtures/outbox.json, a small account-archive outbox hand-written from the Activity Streams 2.0 and ActivityPub
/// specifications' shapes (OrderedCollection of Create/Announce, plus Like, Follow, Mastodon's Undo of that Follow, an
/// Undo of a Like and an Update, the last two skipped):
/// there is no real archive among the shared samples.
/// </summary>
public class MastodonOutboxTests
{
    private const string Network = "mastodon";
    private static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "Formats", "Mastodon", "Fixtures", "outbox.json");

    private static List<SourceRecord> ReadFixture()
    {
        using var file = InputFiles.OpenText(Path);
        return [.. new MastodonReader().Read(file.Reader, Path, new ReaderOptions())];
    }

    [Fact]
    public void Read_Outbox_CreateBecomesPostWithTextHashtagsAndReplyTo()
    {
        var records = ReadFixture();

        Assert.Empty(records.Errors());
        var note = records.Posts()[0];
        Assert.Equal(new Post(Network, "https://example.social/users/alice/statuses/1", "alice@example.social", Records.Utc(2024, 5, 1, 12, 0, 0),
            "@bob agreed & #Fediverse\n\ncc @Carol@third.example", ["fediverse"], "https://other.example/users/bob/statuses/99"), note);
        Assert.Equal(7, records[0].Line);
    }

    [Fact]
    public void Read_Outbox_InteractionsFollowTheDirectionRule()
    {
        var interactions = ReadFixture().Interactions();

        const string alice = "alice@example.social";
        Assert.Equal(
            [
                new Interaction(Network, Records.Utc(2024, 5, 1, 12, 0, 0), alice, "bob@other.example", InteractionKind.Reply, "https://other.example/users/bob/statuses/99"),
                new Interaction(Network, Records.Utc(2024, 5, 1, 12, 0, 0), alice, "carol@third.example", InteractionKind.Mention),
                new Interaction(Network, Records.Utc(2024, 5, 2, 8, 30, 0), alice, "bob@other.example", InteractionKind.Repost, "https://other.example/users/bob/statuses/100"),
                new Interaction(Network, Records.Utc(2024, 5, 3, 9, 0, 0), alice, "carol@third.example", InteractionKind.Like, "https://third.example/users/Carol/statuses/7"),
                new Interaction(Network, null, alice, "bob@other.example", InteractionKind.Follow),
                // Mastodon's Undo of a Follow (UndoFollowSerializer: no published time, the Follow embedded) is an
                // unfollow, untimed: it undoes every follow of the pair; an Undo of a Like is skipped.
                new Interaction(Network, null, alice, "bob@other.example", InteractionKind.Unfollow),
            ],
            interactions);
    }

    [Fact]
    public void Read_Outbox_AnnounceIsAPostThatRepostsTheObject()
    {
        var announce = ReadFixture().Posts()[1];

        Assert.Equal("https://example.social/users/alice/statuses/2/activity", announce.ExternalId);
        Assert.Equal("https://other.example/users/bob/statuses/100", announce.RepostOfPostId);
    }

    [Fact]
    public void Read_ActivityWithUnrecognisedActorUri_IsAnErrorNamingTheField()
    {
        var error = Assert.Single(Records.Read(new MastodonReader(), """{"type":"Follow","actor":"https://x.example/profile","object":"https://y.example/users/b"}""").Errors());

        Assert.Equal("actor", error.Field);
    }
}
