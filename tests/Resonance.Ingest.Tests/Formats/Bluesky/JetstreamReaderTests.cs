using Resonance.Domain;
using Resonance.Ingest.Formats.Bluesky;

namespace Resonance.Ingest.Tests.Formats.Bluesky;

/// <summary>
/// The <c>jetstream</c> reader. Fixtures/bnewbold.jetstream.jsonl was derived once from the real repository export
/// repo-car/bnewbold.robocracy.org.20250310005405.car with
/// <c>bench/bluesky-jetstream.py --extras OUT bnewbold….car</c>: one commit create per record of the current tree
/// (38), then one identity, one account and one delete event.
/// </summary>
public class JetstreamReaderTests
{
    private const string Did = "did:plc:nhxcyu4ewwhl5pqil4dotqjo";
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Formats", "Bluesky", "Fixtures", "bnewbold.jetstream.jsonl");

    [Fact]
    public void Read_EventsDerivedFromARepository_GiveTheSamePostsAndInteractionsAsTheCar()
    {
        var fromCar = new BlueskyCarReader().ReadPath(BlueskyCarReaderTests.Sample("bnewbold.robocracy.org.20250310005405.car"), new ReaderOptions(), new ReadProgress()).ToList();

        var records = Records.Read(new JetstreamReader(), File.ReadAllText(Fixture));

        Assert.Empty(records.Errors());
        Assert.Equal(23, records.Posts().Count);
        Assert.Equal(fromCar.Posts().OrderBy(p => p.ExternalId), records.Posts().OrderBy(p => p.ExternalId));
        Assert.Equal(fromCar.Interactions().OrderBy(i => i.ToString()), records.Interactions().OrderBy(i => i.ToString()));
        Assert.Equal([new Account("bluesky", Did, DisplayName: "now roaming free"), new Account("bluesky", Did, "bnewbold.robocracy.org")], records.Accounts());
        var skips = records.Skips();
        Assert.Equal(1, skips["jetstream account event"]);
        Assert.Equal(1, skips["jetstream commit delete"]);
        Assert.Equal(5, skips["com.atproto.lexicon.schema"]);
        Assert.Equal(1 + 1 + 5 + 1 + 1 + 1, skips.Values.Sum());
    }

    [Fact]
    public void Read_Like_ActorIsTheEventDidAndTargetTheSubjectsAuthor()
    {
        const string line = """
            {"did":"did:plc:aaa","time_us":1725911162329308,"kind":"commit","commit":{"rev":"3l3qo2vutsw2b","operation":"create","collection":"app.bsky.feed.like","rkey":"3l3qo2vuowo2b","record":{"$type":"app.bsky.feed.like","createdAt":"2024-09-09T19:46:02.102Z","subject":{"cid":"bafyreidc6sydkkbchcyg62v77wbhzvb2mvytlmsychqgwf2xojjtirmzj4","uri":"at://did:plc:bbb/app.bsky.feed.post/3l3pte3p2e325"}},"cid":"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi"}}
            """;

        var records = Records.Read(new JetstreamReader(), "\n" + line + "\n", new ReaderOptions("bsky-test"));

        var like = Assert.Single(records.Interactions());
        Assert.Equal(new Interaction("bsky-test", Records.Utc(2024, 9, 9, 19, 46, 2).AddMilliseconds(102), "did:plc:aaa", "did:plc:bbb",
            InteractionKind.Like, "at://did:plc:bbb/app.bsky.feed.post/3l3pte3p2e325"), like);
        Assert.Equal(2, Assert.Single(records).Line);
    }

    [Fact]
    public void Read_DeleteOfAFollowThisInputCreated_IsAnUnfollowAtTheEventsTime_AndOfAnUnknownFollowIsSkipped()
    {
        // Jetstream's shapes (README, "Example events"): a follow create, later the delete of that record, which names only its key.
        const string text = """
            {"did":"did:plc:aaa","time_us":1725444000123456,"kind":"commit","commit":{"rev":"3l3dn7tku7a2b","operation":"create","collection":"app.bsky.graph.follow","rkey":"3l3dn7tku762u","record":{"$type":"app.bsky.graph.follow","createdAt":"2024-09-04T10:00:00.000Z","subject":"did:plc:bbb"},"cid":"bafyreidwaivazkwu67xztlmuobx35hs2lnfh3kolmgfmucldvhd3sgzcqi"}}
            {"did":"did:plc:aaa","time_us":1725516665333808,"kind":"commit","commit":{"rev":"3l3f6nzl3cv2s","operation":"delete","collection":"app.bsky.graph.follow","rkey":"3l3dn7tku762u"}}
            {"did":"did:plc:aaa","time_us":1725516665400000,"kind":"commit","commit":{"rev":"3l3f6nzl3cv2t","operation":"delete","collection":"app.bsky.graph.follow","rkey":"3l3dn7tku762u"}}
            {"did":"did:plc:ccc","time_us":1725516665500000,"kind":"commit","commit":{"rev":"3l3f6nzl3cv2u","operation":"delete","collection":"app.bsky.graph.follow","rkey":"3l3dn7tku762u"}}
            """;

        var records = Records.Read(new JetstreamReader(), text);

        Assert.Empty(records.Errors());
        Assert.Equal(
            [
                new Interaction("bluesky", Records.Utc(2024, 9, 4, 10, 0, 0), "did:plc:aaa", "did:plc:bbb", InteractionKind.Follow),
                new Interaction("bluesky", DateTimeOffset.FromUnixTimeMilliseconds(1725516665333), "did:plc:aaa", "did:plc:bbb", InteractionKind.Unfollow),
            ],
            records.Interactions());
        Assert.Equal(2, records.Where(r => r.Interaction is not null).Select(r => r.Line).Last());
        // Deleted twice, or a key of another repository: the subject is unknown, so nothing is guessed.
        Assert.Equal(2, records.Skips()["follow delete of a follow this input did not create (its subject is unknown)"]);
    }

    [Theory]
    [InlineData("{\"did\":\"did:plc:aaa\",", null, "not valid JSON")]
    [InlineData("[1,2]", null, "must be a JSON object")]
    [InlineData("{\"did\":\"nobody\",\"kind\":\"commit\"}", "did", "must be a DID")]
    [InlineData("{\"did\":\"did:plc:aaa\",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.graph.follow\",\"rkey\":\"3l3qo2vuowo2b\",\"record\":{\"subject\":\"did:plc:bbb\"}}}", "createdAt", "must be a string")]
    [InlineData("{\"did\":\"did:plc:aaa\",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.like\",\"rkey\":\"3l3qo2vuowo2b\",\"record\":{\"createdAt\":\"2024-09-09T19:46:02Z\",\"subject\":{\"uri\":\"https://example.com/x\"}}}}", "subject.uri", "at:// URI")]
    [InlineData("{\"did\":\"did:plc:aaa\",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.post\",\"rkey\":\"a/b\",\"record\":{}}}", "commit.collection", "record key")]
    public void Read_MalformedLine_IsOneErrorAtItsLineAndTheNextLineStillReads(string bad, string? field, string message)
    {
        const string good = "{\"did\":\"did:plc:aaa\",\"kind\":\"identity\",\"identity\":{\"did\":\"did:plc:aaa\",\"handle\":\"aaa.example.com\"}}";

        var records = Records.Read(new JetstreamReader(), good + "\n" + bad + "\n" + good);

        var error = Assert.Single(records.Errors());
        Assert.Equal(2, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(2, records.Accounts().Count);
        Assert.StartsWith($"{Records.File}:2: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SubjectNamedByHandle_IsSkippedAndCounted()
    {
        const string line = "{\"did\":\"did:plc:aaa\",\"kind\":\"commit\",\"commit\":{\"operation\":\"create\",\"collection\":\"app.bsky.feed.repost\",\"rkey\":\"3l3qo2vuowo2b\",\"record\":{\"createdAt\":\"2024-09-09T19:46:02Z\",\"subject\":{\"uri\":\"at://bob.example.com/app.bsky.feed.post/3l3pte3p2e325\"}}}}";

        var records = Records.Read(new JetstreamReader(), line);

        Assert.Empty(records.Interactions());
        Assert.Equal("app.bsky.feed.repost: subject names a handle, not a DID (not resolvable offline)", Assert.Single(records.Skips()).Key);
    }
}
