using System.Text;
using System.Text.Json;
using Resonance.Application.Synthetic;

namespace Resonance.Application.Tests.Synthetic;

public sealed class GroundTruthTests
{
    private static byte[] Json(GroundTruth truth)
    {
        using var stream = new MemoryStream();
        truth.WriteJson(stream);
        return stream.ToArray();
    }

    [Fact]
    public void WriteJson_SameOptions_IdenticalBytes()
    {
        var o = new SyntheticOptions { People = 400, Seed = 5 };
        Assert.Equal(Json(SyntheticNetworkGenerator.Generate(o).Truth), Json(SyntheticNetworkGenerator.Generate(o).Truth));
        Assert.NotEqual(Json(SyntheticNetworkGenerator.Generate(o).Truth), Json(SyntheticNetworkGenerator.Generate(o with { Seed = 6 }).Truth));
    }

    [Fact]
    public void WriteJson_DefaultTruth_IsIndentedAndListsEveryPlantedGroup()
    {
        var truth = SyntheticSample.Default.Truth;
        var text = Encoding.UTF8.GetString(Json(truth));
        Assert.Contains("\n  \"options\": {", text, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(text);
        var root = doc.RootElement;
        Assert.Equal(GroundTruth.GeneratorVersion, root.GetProperty("generator").GetString());
        Assert.Equal(SyntheticOptions.DefaultSeed, root.GetProperty("options").GetProperty("seed").GetUInt64());
        Assert.Equal(truth.Bots.Count, root.GetProperty("bots").GetArrayLength());
        Assert.Equal(truth.PodMembers, root.GetProperty("podMembers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(truth.FarmHub, root.GetProperty("farmHub").GetString());
        Assert.Equal(truth.HiddenGems, root.GetProperty("hiddenGems").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(truth.TopicExperts[0].Topic, root.GetProperty("topicExperts")[0].GetProperty("topic").GetString());
        Assert.Equal(truth.TopicExperts[0].Niche, root.GetProperty("topicExperts")[0].GetProperty("niche").GetString());
        Assert.Equal(truth.Communities.Count, root.GetProperty("communities").GetArrayLength());
        Assert.Equal(truth.Communities[3].MemberIds.Count, root.GetProperty("communities")[3].GetProperty("size").GetInt32());
    }

    [Fact]
    public void ReadJson_WrittenTruth_RoundTripsToIdenticalBytes()
    {
        var truth = SyntheticNetworkGenerator.Generate(new SyntheticOptions { People = 300, Seed = 9, Start = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)) }).Truth;
        var bytes = Json(truth);
        var read = GroundTruth.ReadJson(new MemoryStream(bytes));
        Assert.Equal(bytes, Json(read));
        Assert.Equal(truth.Options.Seed, read.Options.Seed);
        Assert.Equal(truth.Options.Start, read.Options.Start);
        Assert.Equal(truth.Options.Start.Offset, read.Options.Start.Offset);
        Assert.Equal(truth.Bots, read.Bots);
        Assert.Equal(truth.TopicExperts, read.TopicExperts);
        Assert.Equal(truth.Communities.Select(c => c.MemberIds.Count), read.Communities.Select(c => c.MemberIds.Count));
        // The resolved options regenerate the same dataset.
        Assert.Equal(
            SyntheticNetworkGenerator.Generate(truth.Options).Records.Take(2_000).Select(SyntheticSample.Describe),
            SyntheticNetworkGenerator.Generate(read.Options).Records.Take(2_000).Select(SyntheticSample.Describe));
    }

    [Fact]
    public void ReadJson_Version2Truth_ReadsBackAsVersion2()
    {
        var truth = SyntheticNetworkGenerator.Generate(new SyntheticOptions { People = 300, Seed = 9, Version = 2 }).Truth;
        var bytes = Json(truth);
        Assert.Equal("resonance-synthetic/2", JsonDocument.Parse(bytes).RootElement.GetProperty("generator").GetString());
        var read = GroundTruth.ReadJson(new MemoryStream(bytes));
        Assert.Equal(2, read.Options.Version);
        Assert.Equal(bytes, Json(read));
    }

    [Fact]
    public void ReadJson_WrongShape_ThrowsJsonException()
    {
        Assert.ThrowsAny<JsonException>(() => GroundTruth.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes("{\"generator\":\"resonance-synthetic/1\"}"))));
        Assert.ThrowsAny<JsonException>(() => GroundTruth.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes("{\"generator\":\"other/9\"}"))));
        Assert.ThrowsAny<JsonException>(() => GroundTruth.ReadJson(new MemoryStream(Encoding.UTF8.GetBytes("not json"))));
    }
}
