using System.Text.Json;
using Resonance.Domain;
using Resonance.Ingest.Formats.Bluesky;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.Formats.Bluesky;

/// <summary>
/// The data-model vectors of bluesky-social/atproto-interop-tests (<c>data-model/</c>) and the single-record DAG-CBOR
/// fixture <c>repo-car/feedpost_record.cbor</c>, in shared/data/bluesky-atproto-samples.
/// </summary>
public class InteropDataModelTests
{
    [Fact]
    public void Fixtures_CborDecodesToTheJsonValue_AndHashesToTheCid()
    {
        var fixtures = Load("data-model-fixtures.json");

        Assert.Equal(3, fixtures.Count);
        foreach (var fixture in fixtures)
        {
            var cbor = DataModelJson.Base64(fixture.GetProperty("cbor_base64").GetString()!);
            var expected = fixture.GetProperty("cid").GetString()!;

            var decoded = DagCbor.Decode(cbor);

            Assert.Equal(expected, Cid.Compute(Cid.DagCbor, cbor).ToString());
            Assert.Null(Cid.TryParse(expected, out var parsed));
            Assert.True(parsed.Matches(cbor));
            Assert.Equal(Canonical(DataModelJson.Convert(fixture.GetProperty("json"))), Canonical(decoded));
        }
    }

    [Fact]
    public void ValidJson_AllConvert_InvalidJson_AllRejected()
    {
        var valid = Load("data-model-valid.json");
        var invalid = Load("data-model-invalid.json");

        var rejected = valid.Where(v => Problem(v) is not null).Select(v => v.GetProperty("note").GetString()).ToList();
        var accepted = invalid.Where(v => Problem(v) is null).Select(v => v.GetProperty("note").GetString()).ToList();

        Assert.Equal(5, valid.Count);
        Assert.Equal(12, invalid.Count);
        Assert.Empty(rejected);
        Assert.Empty(accepted);
    }

    [Fact]
    public void FeedpostRecord_DecodesAndMapsToAPostQuotingTheEmbeddedRecord()
    {
        var bytes = File.ReadAllBytes(SharedData.File("bluesky-atproto-samples/repo-car/feedpost_record.cbor"));
        var record = DagCbor.DecodeMap(bytes);
        var output = new List<SourceRecord>();

        new BlueskyRecordMapper("bluesky", "feedpost_record.cbor").Map("did:plc:example", "app.bsky.feed.post", "3jimage", record, 1, output);

        var post = Assert.Single(output.Posts());
        Assert.Equal("at://did:plc:example/app.bsky.feed.post/3jimage", post.ExternalId);
        Assert.Equal("Who the hell do you think you are", post.Text);
        Assert.Equal(new DateTimeOffset(2023, 3, 29, 20, 59, 19, 417, TimeSpan.Zero), post.CreatedAt);
        Assert.Equal("at://did:plc:rbtury4cp2sdk4tvnedaqu54/app.bsky.feed.post/3jilislho4s2k", post.QuoteOfPostId);
        var quote = Assert.Single(output.Interactions());
        Assert.Equal(new Interaction("bluesky", post.CreatedAt, "did:plc:example", "did:plc:rbtury4cp2sdk4tvnedaqu54", InteractionKind.Quote, post.QuoteOfPostId), quote);
        // The image blob's ref is a raw-codec CID link.
        var media = (Dictionary<string, object?>)((Dictionary<string, object?>)record["embed"]!)["media"]!;
        var image = (Dictionary<string, object?>)((List<object?>)media["images"]!)[0]!;
        Assert.Equal(Cid.Raw, ((Cid)((Dictionary<string, object?>)image["image"]!)["ref"]!).Codec);
    }

    private static string? Problem(JsonElement vector)
    {
        try
        {
            _ = DataModelJson.ConvertRecord(vector.GetProperty("json"));
            return null;
        }
        catch (DataModelException e)
        {
            return e.Message;
        }
    }

    /// <summary>A stable text form of a data-model value (maps with sorted keys), for deep comparison.</summary>
    private static string Canonical(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s => JsonSerializer.Serialize(s),
        byte[] bytes => "bytes:" + Convert.ToBase64String(bytes),
        Cid cid => "cid:" + cid,
        List<object?> list => "[" + string.Join(",", list.Select(Canonical)) + "]",
        Dictionary<string, object?> map => "{" + string.Join(",", map.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    private static List<JsonElement> Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.File("bluesky-atproto-samples/interop-tests/data-model/" + file)));
        return [.. doc.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
