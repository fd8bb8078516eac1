using Resonance.Domain;
using Resonance.Ingest.Formats;

namespace Resonance.Ingest.Tests.Formats;

public class HiggsActivityReaderTests
{
    private static readonly HiggsActivityReader Reader = new();

    [Fact]
    public void Read_ValidLines_MapsUserAToActorAndTypeToKind()
    {
        var records = Records.Read(Reader, "223789 213163 1341100972 MT\n376989 50329 1341101181 RT\n26886 10 1341101332 RE\n");

        Assert.Empty(records.Errors());
        Assert.Equal(
            [
                new Interaction("higgs", DateTimeOffset.FromUnixTimeSeconds(1341100972), "223789", "213163", InteractionKind.Mention),
                new Interaction("higgs", DateTimeOffset.FromUnixTimeSeconds(1341101181), "376989", "50329", InteractionKind.Repost),
                new Interaction("higgs", DateTimeOffset.FromUnixTimeSeconds(1341101332), "26886", "10", InteractionKind.Reply),
            ],
            records.Interactions());
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_NetworkOption_OverridesDefault()
    {
        var records = Records.Read(Reader, "1 2 0 RT", new ReaderOptions(Network: "twitter-2012"));

        Assert.Equal("twitter-2012", Assert.Single(records.Interactions()).Network);
    }

    [Fact]
    public void Read_TabsAndRepeatedSpacesAndCrlf_AreAccepted()
    {
        var records = Records.Read(Reader, "1\t2  1341100972 RT\r\n  3 4\t1341100973\tMT  \r\n");

        Assert.Empty(records.Errors());
        Assert.Equal(["1", "3"], records.Interactions().Select(i => i.ActorId));
        Assert.Equal(["2", "4"], records.Interactions().Select(i => i.TargetId));
    }

    [Fact]
    public void Read_BlankLines_AreSkippedButCounted()
    {
        var records = Records.Read(Reader, "\n1 2 5 RT\n   \n\n3 4 6 RE\n\n");

        Assert.Equal([2L, 5L], records.Select(r => r.Line));
        Assert.Empty(records.Errors());
    }

    [Theory]
    [InlineData("x1 2 1341100972 RT", "userA", "x1")]
    [InlineData("-1 2 1341100972 RT", "userA", "-1")]
    [InlineData("1 2b 1341100972 RT", "userB", "2b")]
    [InlineData("1 2 13411.5 RT", "timestamp", "13411.5")]
    [InlineData("1 2 99999999999999 RT", "timestamp", "99999999999999")]
    [InlineData("1 2 1341100972 rt", "type", "rt")]
    [InlineData("1 2 1341100972 LIKE", "type", "LIKE")]
    public void Read_BadField_YieldsErrorNamingFieldAndContinues(string badLine, string field, string text)
    {
        var records = Records.Read(Reader, $"1 2 1341100972 RT\n{badLine}\n3 4 1341100973 MT\n");

        var error = Assert.Single(records.Errors());
        Assert.Equal(2, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Equal(text, error.Text);
        Assert.Equal(Records.File, error.File);
        Assert.Equal([1L, 3L], records.Where(r => r.Interaction is not null).Select(r => r.Line));
    }

    [Theory]
    [InlineData("1 2 1341100972")]
    [InlineData("1 2 1341100972 RT extra")]
    [InlineData("1")]
    public void Read_WrongFieldCount_YieldsWholeLineError(string badLine)
    {
        var records = Records.Read(Reader, $"{badLine}\n1 2 3 RT\n");

        var error = Assert.Single(records.Errors());
        Assert.Equal(1, error.Line);
        Assert.Null(error.Field);
        Assert.Equal(badLine, error.Text);
        Assert.Single(records.Interactions());
    }

    [Fact]
    public void Read_Error_FormatsAsFileLineFieldMessageText()
    {
        var error = Assert.Single(Records.Read(Reader, "1 2 3 XX").Errors());

        Assert.Equal("in.txt:1: field 'type': must be RT, MT or RE (XX)", error.ToString());
    }

    [Fact]
    public void Read_RepeatedIds_ShareOneStringInstance()
    {
        var interactions = Records.Read(Reader, "7 8 1 RT\n8 7 2 RT\n").Interactions();

        Assert.Same(interactions[0].ActorId, interactions[1].TargetId);
        Assert.Same(interactions[0].TargetId, interactions[1].ActorId);
    }

    [Fact]
    public void Validate_KindOption_IsRejected()
    {
        Assert.NotNull(Reader.Validate(new ReaderOptions(Kind: InteractionKind.Follow)));
        Assert.NotNull(Reader.Validate(new ReaderOptions(Network: "Bad Name")));
        Assert.Null(Reader.Validate(new ReaderOptions()));
    }
}
