using Resonance.Domain;
using Resonance.Ingest.Formats.Bluesky;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.Formats.Bluesky;

/// <summary>
/// The <c>bluesky</c> reader on the real repository exports in shared/data/bluesky-atproto-samples/repo-car.
/// Per-record expectations (MST walk from the root commit, then the mapping rules) were computed independently by a
/// separate Python CAR/DAG-CBOR/MST reader written for this check, run once:
/// bnewbold: 23 posts, 2 likes, 1 repost, 3 follows, 1 profile, 2 replies, 1 quote, 4 mentions, 8 other-app records;
/// paul_staging: 101 posts, 60 likes, 15 reposts, 8 follows, 1 profile, 19 replies, 6 quotes; greenground: 2 follows.
/// Block-level counts (every block, whatever the tree reaches) are SOURCE.md's table.
/// </summary>
public class BlueskyCarReaderTests
{
    private const string Bnewbold = "bnewbold.robocracy.org.20250310005405.car";
    private const string BnewboldDid = "did:plc:nhxcyu4ewwhl5pqil4dotqjo";

    [Theory]
    [InlineData(Bnewbold, 56, 1, 17, 23, 2, 1, 3)]
    [InlineData("paul_staging.repo.car", 458, 28, 178, 101, 60, 15, 17)]
    [InlineData("greenground.repo.car", 4, 1, 1, 0, 0, 0, 2)]
    public void CarReader_EveryBlock_ChecksAndDecodesToSourceMdCounts(string file, int blocks, int commits, int mstNodes, int posts, int likes, int reposts, int follows)
    {
        using var stream = File.OpenRead(Sample(file));
        var car = new CarReader(stream);
        var types = new Dictionary<string, int>();

        while (car.TryRead(out var block))
        {
            Assert.Null(block.Problem);
            Assert.Equal(Cid.DagCbor, block.Cid.Codec);
            var map = DagCbor.DecodeMap(block.Data);
            var type = map.GetValueOrDefault("$type") as string ?? (map.ContainsKey("sig") ? "commit" : map.ContainsKey("e") ? "mst" : "?");
            types[type] = types.GetValueOrDefault(type) + 1;
        }

        Assert.Equal(blocks, car.BlockIndex);
        Assert.Equal(stream.Length, car.Position);
        Assert.Equal(commits, types.GetValueOrDefault("commit"));
        Assert.Equal(mstNodes, types.GetValueOrDefault("mst"));
        Assert.Equal(posts, types.GetValueOrDefault("app.bsky.feed.post"));
        Assert.Equal(likes, types.GetValueOrDefault("app.bsky.feed.like"));
        Assert.Equal(reposts, types.GetValueOrDefault("app.bsky.feed.repost"));
        Assert.Equal(follows, types.GetValueOrDefault("app.bsky.graph.follow"));
        Assert.False(types.ContainsKey("?"));
    }

    [Theory]
    [InlineData(Bnewbold, 23, 2, 1, 3, 2, 1, 4)]
    [InlineData("paul_staging.repo.car", 101, 60, 15, 8, 19, 6, 0)]
    [InlineData("greenground.repo.car", 0, 0, 0, 2, 0, 0, 0)]
    public void Read_Repository_YieldsTheCurrentTreesRecordsByKind(string file, int posts, int likes, int reposts, int follows, int replies, int quotes, int mentions)
    {
        var records = Read(file);

        Assert.Empty(records.Errors());
        Assert.Equal(posts, records.Posts().Count);
        var kinds = records.Interactions().GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(likes, kinds.GetValueOrDefault(InteractionKind.Like));
        Assert.Equal(reposts, kinds.GetValueOrDefault(InteractionKind.Repost));
        Assert.Equal(follows, kinds.GetValueOrDefault(InteractionKind.Follow));
        Assert.Equal(replies, kinds.GetValueOrDefault(InteractionKind.Reply));
        Assert.Equal(quotes, kinds.GetValueOrDefault(InteractionKind.Quote));
        Assert.Equal(mentions, kinds.GetValueOrDefault(InteractionKind.Mention));
        var actors = records.Interactions().Select(i => i.ActorId).Concat(records.Posts().Select(p => p.AuthorId)).Distinct();
        Assert.Single(actors);
        Assert.All(records.Interactions(), i => Assert.Equal("bluesky", i.Network));
    }

    [Fact]
    public void Read_Bnewbold_MapsLikeFollowReplyQuoteAndProfileExactly()
    {
        var records = Read(Bnewbold);
        var interactions = records.Interactions();

        Assert.Contains(new Interaction("bluesky", Utc("2024-02-22T06:37:17.364Z"), BnewboldDid, "did:plc:xgs3qrwos3dwxmixoflcxrhu",
            InteractionKind.Like, "at://did:plc:xgs3qrwos3dwxmixoflcxrhu/app.bsky.feed.post/3kly6ksx2kk27"), interactions);
        Assert.Contains(new Interaction("bluesky", Utc("2025-02-26T02:55:58.872Z"), BnewboldDid, "did:plc:box3ql3jyrlb7ptzh2tnn2aw",
            InteractionKind.Follow), interactions);
        Assert.Contains(new Interaction("bluesky", Utc("2024-08-01T23:47:45.977Z"), BnewboldDid, "did:plc:oio4hkxaop4ao4wz2pp3f4cr",
            InteractionKind.Reply, "at://did:plc:oio4hkxaop4ao4wz2pp3f4cr/app.bsky.feed.post/3ktbrpnp5x227"), interactions);
        var quote = Assert.Single(records.Posts(), p => p.QuoteOfPostId is not null);
        Assert.Equal($"at://{BnewboldDid}/app.bsky.feed.post/3ktbn5b7zkc26", quote.ExternalId);
        Assert.Equal("what about this @bnewbold.net", quote.Text);
        Assert.Equal($"at://{BnewboldDid}/app.bsky.feed.post/3kly7jzzyuk2v", quote.QuoteOfPostId);
        Assert.Equal(new Account("bluesky", BnewboldDid, DisplayName: "now roaming free"), Assert.Single(records.Accounts()));
        // The like's record is CAR block 51 (1-based), so its records carry that number.
        Assert.Equal(51, Assert.Single(records, r => r.Interaction?.Kind == InteractionKind.Like && r.Interaction.TargetId == "did:plc:xgs3qrwos3dwxmixoflcxrhu").Line);
    }

    [Fact]
    public void Read_OtherCollectionsAndOldBlocks_AreSkippedAndCountedByType()
    {
        var bnewbold = Read(Bnewbold).Skips();
        var paul = Read("paul_staging.repo.car").Skips();

        Assert.Equal(new Dictionary<string, int>
        {
            ["blue.linkat.board"] = 1,
            ["com.atproto.lexicon.record"] = 1,
            ["com.atproto.lexicon.schema"] = 5,
            ["net.bnewbold.demo.mushroom"] = 1,
        }, bnewbold);
        // 452 distinct blocks (458 minus 6 repeated MST nodes); the current tree reaches the commit, 51 MST nodes and
        // 185 records, so the older commits' 215 blocks (votes, confirmations, the declaration among them) are skipped.
        Assert.Equal(new Dictionary<string, int> { [BlueskyCarReader.NotInTree] = 215 }, paul);
    }

    [Fact]
    public void Read_FlippedByteInARecord_IsAnErrorAtThatBlockAndTheRestStillReads()
    {
        using var temp = Records.TempFolder();
        var copy = temp.File("flipped.car");
        var bytes = File.ReadAllBytes(Sample(Bnewbold));
        var at = IndexOf(bytes, "what about this"u8);
        bytes[at] ^= 0x20;
        File.WriteAllBytes(copy, bytes);

        var records = new BlueskyCarReader().ReadPath(copy, new ReaderOptions(), new ReadProgress()).ToList();

        var error = Assert.Single(records.Errors());
        Assert.Equal(45, error.Line);
        Assert.Equal("cid", error.Field);
        Assert.Contains("does not hash to its CID", error.Message, StringComparison.Ordinal);
        Assert.Equal(copy, error.File);
        Assert.Equal(22, records.Posts().Count);
    }

    [Fact]
    public void Read_TruncatedFile_Throws()
    {
        using var temp = Records.TempFolder();
        var copy = temp.File("truncated.car");
        var bytes = File.ReadAllBytes(Sample(Bnewbold));
        File.WriteAllBytes(copy, bytes[..(bytes.Length - 10)]);

        var e = Assert.Throws<InvalidDataException>(() => new BlueskyCarReader().ReadPath(copy, new ReaderOptions(), new ReadProgress()).ToList());

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPath_Progress_EndsAtTheFileLength()
    {
        var path = Sample("paul_staging.repo.car");
        var progress = new ReadProgress();

        _ = new BlueskyCarReader().ReadPath(path, new ReaderOptions(Network: "bsky-test"), progress).ToList();

        Assert.InRange(progress.BytesRead, new FileInfo(path).Length * 9 / 10, new FileInfo(path).Length);
    }

    internal static string Sample(string file) => SharedData.File("bluesky-atproto-samples/repo-car/" + file);

    private static List<SourceRecord> Read(string file) =>
        [.. new BlueskyCarReader().ReadPath(Sample(file), new ReaderOptions(), new ReadProgress())];

    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().IndexOf(needle);
}
