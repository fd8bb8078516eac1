using Resonance.Domain;
using Resonance.Ingest.Canonical;

namespace Resonance.Ingest.Tests.Canonical;

public class CanonicalCsvReaderTests
{
    private static readonly CanonicalCsvReader Reader = new();

    [Fact]
    public void Read_InteractionRows_GiveExactInteractions()
    {
        var records = Records.Read(
            Reader,
            "network,time,actor,target,kind,post,weight\n" +
            "twitter,2024-05-01T12:03:00Z,34,12,repost,p1,1\n" +
            "twitter,,34,12,follow,,2.5\r\n");

        Assert.Empty(records.Errors());
        Assert.Equal(
            [
                new Interaction("twitter", Records.Utc(2024, 5, 1, 12, 3, 0), "34", "12", InteractionKind.Repost, "p1"),
                new Interaction("twitter", null, "34", "12", InteractionKind.Follow, Weight: 2.5),
            ],
            records.Interactions());
        Assert.Equal([2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_ColumnsInAnyOrderWithNetworkOption_GiveAccounts()
    {
        var records = Records.Read(Reader, "display_name,id\n\"Lovelace, Ada\",12\n,13\n", new ReaderOptions(Network: "mastodon"));

        Assert.Equal([new Account("mastodon", "12", null, "Lovelace, Ada"), new Account("mastodon", "13")], records.Accounts());
    }

    [Fact]
    public void Read_QuotedCommasNewlinesAndQuotes_KeepPhysicalLineNumbers()
    {
        var records = Records.Read(
            Reader,
            "network,id,author,created,text,hashtags\n" +
            "x,p1,a,2024-05-01T12:00:00Z,\"line one,\nline \"\"two\"\"\nline three\",#AI llm  ai\n" +
            "x,p2,a,2024-05-01T12:00:00+01:00,plain,\n" +
            "x,p3,a,yesterday,,\n");

        var posts = records.Posts();
        Assert.Equal("line one,\nline \"two\"\nline three", posts[0].Text);
        Assert.Equal(["ai", "llm"], posts[0].Hashtags);
        Assert.Equal(Records.Utc(2024, 5, 1, 11, 0, 0), posts[1].CreatedAt);
        Assert.Equal([2L, 5L], records.Where(r => r.Post is not null).Select(r => r.Line));
        var error = Assert.Single(records.Errors());
        Assert.Equal((6L, "created", "yesterday"), (error.Line, error.Field, error.Text));
    }

    [Theory]
    [InlineData("network,id,handel", "handel", "is not a column")]
    [InlineData("network,id,id", "id", "more than once")]
    [InlineData("id,handle", "network", "--network")]
    [InlineData("network,id,author,text", "created", "required for post rows")]
    [InlineData("network,actor,kind", "target", "required for interaction rows")]
    [InlineData("network,id,handle,author,created", null, "mixes columns")]
    [InlineData("network,type,id", "type", "is not a column")]
    public void Read_BadHeader_YieldsOneErrorOnLineOne(string header, string? field, string message)
    {
        var records = Records.Read(Reader, header + "\nx,1,2\n");

        var error = Assert.Single(records);
        Assert.NotNull(error.Error);
        Assert.Equal((1L, field), (error.Error.Line, error.Error.Field));
        Assert.Contains(message, error.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x,\"1\"2,,b,like", "actor")]
    [InlineData("x,1,,b,lyke", "kind")]
    [InlineData("x,1,,b,like,extra", null)]
    [InlineData("X,1,,b,like", "network")]
    [InlineData("x,1,soon,b,like", "time")]
    public void Read_BadRow_YieldsErrorAndContinues(string row, string? field)
    {
        var records = Records.Read(Reader, "network,actor,time,target,kind\nx,1,,b,like\n" + row + "\nx,2,,b,like\n");

        Assert.Equal([2L, 4L], records.Where(r => r.Interaction is not null).Select(r => r.Line));
        var error = Assert.Single(records.Errors());
        Assert.Equal((3L, field), (error.Line, error.Field));
    }

    [Fact]
    public void Read_StrayQuoteInUnquotedValue_ErrorSaysWhichLinesWereJoined()
    {
        var records = Records.Read(Reader, "network,actor,time,target,kind\nx,1,,b,like\nx,1\"2,,b,like\nx,2,,b,like\nx,3,,b,like\n");

        var error = Assert.Single(records.Errors());
        Assert.Equal((3L, "actor"), (error.Line, error.Field));
        Assert.Contains("lines 3-5 were read", error.Message, StringComparison.Ordinal);
        Assert.Equal([2L], records.Where(r => r.Interaction is not null).Select(r => r.Line));
    }

    [Fact]
    public void Read_UnterminatedQuote_ReportsTheRowWhereItStarts()
    {
        var records = Records.Read(Reader, "network,id,display_name\nx,1,ok\nx,2,\"never closed\nx,3,ok\n");

        Assert.Equal("1", Assert.Single(records.Accounts()).ExternalId);
        var error = Assert.Single(records.Errors());
        Assert.Equal((3L, "display_name"), (error.Line, error.Field));
        Assert.Contains("no closing quote", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BlankLinesAndEmptyFile_AreSkipped()
    {
        Assert.Empty(Records.Read(Reader, ""));
        var records = Records.Read(Reader, "network,id\n\nx,1\n\n");
        var record = Assert.Single(records);
        Assert.Equal((3L, "1"), (record.Line, record.Account?.ExternalId));
    }
}
