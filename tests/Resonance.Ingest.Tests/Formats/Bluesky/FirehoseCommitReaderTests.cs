using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Formats.Bluesky;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.Formats.Bluesky;

/// <summary>
/// The <c>bluesky-firehose</c> reader on the real relay #commit messages in
/// shared/data/bluesky-atproto-samples/firehose-commits. Expected ops are SOURCE.md's: one repost create in each of
/// 4621317030 and 4621317332, 42 follow creates in 4621332152, one profile create in 4623075231.
/// </summary>
public class FirehoseCommitReaderTests
{
    [Theory]
    [InlineData("4621317030", InteractionKind.Repost, 1, 0)]
    [InlineData("4621317332", InteractionKind.Repost, 1, 0)]
    [InlineData("4621332152", InteractionKind.Follow, 42, 0)]
    [InlineData("4623075231", InteractionKind.Follow, 0, 1)]
    public void Read_PrettyPrintedMessage_ImportsItsCreateOps(string seq, InteractionKind kind, int interactions, int accounts)
    {
        var path = Message(seq);
        var repo = JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("repo").GetString();

        var records = Records.Read(new FirehoseCommitReader(), File.ReadAllText(path));

        Assert.Empty(records.Errors());
        Assert.Equal(interactions, records.Interactions().Count);
        Assert.All(records.Interactions(), i => { Assert.Equal(kind, i.Kind); Assert.Equal(repo, i.ActorId); });
        Assert.Equal(interactions, records.Interactions().Select(i => i.TargetId).Distinct().Count());
        Assert.Equal(accounts, records.Accounts().Count);
        Assert.All(records, r => Assert.Equal(1, r.Line));
    }

    [Fact]
    public void Read_DeleteOpOfAFollowCreatedEarlier_IsAnUnfollowAtTheMessagesTime()
    {
        // The real message of 42 follow creates, then the same repository's later commit deleting the first of them.
        using var real = JsonDocument.Parse(File.ReadAllText(Message("4621332152")));
        var create = JsonSerializer.Serialize(real.RootElement);
        var delete = System.Text.Json.Nodes.JsonNode.Parse(create)!.AsObject();
        var path = delete["ops"]![0]!["path"]!.GetValue<string>();
        delete["ops"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["action"] = "delete", ["path"] = path, ["cid"] = null });
        delete["seq"] = 4621332153;
        delete["time"] = "2025-02-07T09:30:00.250Z";

        var records = Records.Read(new FirehoseCommitReader(), create + "\n" + delete.ToJsonString() + "\n" + delete.ToJsonString() + "\n");

        Assert.Empty(records.Errors());
        var follows = records.Interactions().Where(i => i.Kind == InteractionKind.Follow).ToList();
        Assert.Equal(42, follows.Count);
        var unfollow = Assert.Single(records.Interactions(), i => i.Kind == InteractionKind.Unfollow);
        Assert.Equal(follows[0] with { Kind = InteractionKind.Unfollow, OccurredAt = new DateTimeOffset(2025, 2, 7, 9, 30, 0, 250, TimeSpan.Zero) }, unfollow);
        Assert.Equal(1, records.Skips()["follow delete of a follow this input did not create (its subject is unknown)"]);
    }

    [Fact]
    public void Read_MessagesAsJsonLines_NumbersThemByLine()
    {
        var lines = new[] { "4621317030", "4621317332", "4621332152", "4623075231" }
            .Select(seq => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllText(Message(seq))).RootElement));

        var records = Records.Read(new FirehoseCommitReader(), string.Join("\n", lines));

        Assert.Empty(records.Errors());
        Assert.Equal([1L, 2L, 3L, 4L], records.Select(r => r.Line).Distinct());
        Assert.Equal(44, records.Interactions().Count);
    }

    [Fact]
    public void Read_TamperedBlocks_IsAnErrorNamingTheBlocksField()
    {
        var json = File.ReadAllText(Message("4621317030"));
        var bytes = JsonDocument.Parse(json).RootElement.GetProperty("blocks").GetProperty("$bytes").GetString()!;
        var decoded = DataModelJson.Base64(bytes);
        decoded[^5] ^= 0x01;
        var tampered = json.Replace(bytes, Convert.ToBase64String(decoded).TrimEnd('='), StringComparison.Ordinal);

        var records = Records.Read(new FirehoseCommitReader(), tampered);

        var error = Assert.Single(records.Errors());
        Assert.Equal("blocks", error.Field);
        Assert.Contains("does not hash to its CID", error.Message, StringComparison.Ordinal);
    }

    private static string Message(string seq) => SharedData.File($"bluesky-atproto-samples/firehose-commits/firehose_commit_{seq}.json");
}
