using Resonance.Domain;
using Resonance.Ingest.Formats;

namespace Resonance.Ingest.Tests.Formats;

public class UrlCascadesReaderTests
{
    private static readonly UrlCascadesReader Reader = new();

    [Fact]
    public void Read_Cascade_FirstAdopterPostsAndLaterAdoptersRepostIt()
    {
        var records = Records.Read(Reader, "132080740 1.284967588e+9,125426798 1.285007954e+9,96899614 1.28514154e+9,\n");

        var post = Assert.Single(records.Posts());
        Assert.Equal(new Post("url-cascades", "cascade-1", "132080740", DateTimeOffset.FromUnixTimeSeconds(1284967588)), post);
        Assert.Empty(post.Hashtags);
        Assert.Equal(
            [
                new Interaction("url-cascades", DateTimeOffset.FromUnixTimeSeconds(1285007954), "125426798", "132080740", InteractionKind.Repost, "cascade-1"),
                new Interaction("url-cascades", DateTimeOffset.FromUnixTimeSeconds(1285141540), "96899614", "132080740", InteractionKind.Repost, "cascade-1"),
            ],
            records.Interactions());
        Assert.All(records, r => Assert.Equal(1, r.Line));
    }

    [Fact]
    public void Read_PostIds_FollowPhysicalLineNumbers()
    {
        var records = Records.Read(Reader, "1 1.0e+9,\n\n2 1.1e+9,3 1.2e+9,\n");

        Assert.Equal(["cascade-1", "cascade-3"], records.Posts().Select(p => p.ExternalId));
        Assert.Equal("cascade-3", Assert.Single(records.Interactions()).PostId);
    }

    [Fact]
    public void Read_FractionalTimestamp_RoundsToWholeSeconds()
    {
        var post = Assert.Single(Records.Read(Reader, "1 1284967588.6,").Posts());

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1284967589), post.CreatedAt);
    }

    [Fact]
    public void Read_ItemWithoutTimestamp_YieldsOnlyTheErrorForThatLine()
    {
        var records = Records.Read(Reader, "1 1.0e+9,2 1.1e+9,\n38079713 1.285960039e+9,155381998 1.285960051e+9,17892\n5 1.3e+9,6 1.4e+9,\n");

        var error = Assert.Single(records.Errors());
        Assert.Equal((2L, "timestamp", "17892"), (error.Line, error.Field, error.Text));
        Assert.DoesNotContain(records, r => r.Line == 2 && r.Error is null);
        Assert.Equal(["cascade-1", "cascade-3"], records.Posts().Select(p => p.ExternalId));
        Assert.Equal(2, records.Interactions().Count);
    }

    [Theory]
    [InlineData("1 1.0e+9,2 soon,", "timestamp")]
    [InlineData("1 1.0e+9,2 1.1e+9 x,", null)]
    [InlineData("1 1.0e+9,2 9.9e+8,", "timestamp")]
    [InlineData("1 1e+300,", "timestamp")]
    public void Read_MalformedItem_YieldsErrorNamingField(string line, string? field)
    {
        var records = Records.Read(Reader, line + "\n3 1.0e+9,\n");

        var error = Assert.Single(records.Errors());
        Assert.Equal((1L, field), (error.Line, error.Field));
        Assert.Equal("cascade-2", Assert.Single(records.Posts()).ExternalId);
    }

    [Fact]
    public void Read_NetworkOption_OverridesDefault()
    {
        var records = Records.Read(Reader, "1 1.0e+9,2 1.1e+9,", new ReaderOptions(Network: "twitter-2010"));

        Assert.All(records, r => Assert.Equal("twitter-2010", r.Post?.Network ?? r.Interaction!.Network));
    }
}
