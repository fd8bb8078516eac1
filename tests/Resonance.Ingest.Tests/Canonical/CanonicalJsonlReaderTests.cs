using Resonance.Domain;
using Resonance.Ingest.Canonical;

namespace Resonance.Ingest.Tests.Canonical;

public class CanonicalJsonlReaderTests
{
    private static readonly CanonicalJsonlReader Reader = new();

    private const string Account = """{"type":"account","network":"twitter","id":"12","handle":"@ada","display_name":"Ada L."}""";
    private const string Post = """{"type":"post","network":"twitter","id":"p1","author":"12","created":"2024-05-01T12:00:00Z","text":"Hi #AI","hashtags":["#AI","llm","ai"],"reply_to":null,"quote_of":null,"repost_of":null}""";
    private const string Interaction = """{"type":"interaction","network":"twitter","time":"2024-05-01T12:03:00Z","actor":"34","target":"12","kind":"repost","post":"p1","weight":1}""";

    [Fact]
    public void Read_OneOfEachType_GivesExactRecords()
    {
        var records = Records.Read(Reader, string.Join('\n', Account, Post, Interaction));

        Assert.Empty(records.Errors());
        Assert.Equal(new Account("twitter", "12", "@ada", "Ada L."), Assert.Single(records.Accounts()));
        var post = Assert.Single(records.Posts());
        Assert.Equal(new Post("twitter", "p1", "12", Records.Utc(2024, 5, 1, 12, 0, 0), "Hi #AI"), post with { Hashtags = [] });
        Assert.Equal(["ai", "llm"], post.Hashtags);
        Assert.Equal(
            new Interaction("twitter", Records.Utc(2024, 5, 1, 12, 3, 0), "34", "12", InteractionKind.Repost, "p1"),
            Assert.Single(records.Interactions()));
        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_UntimedInteractionWithoutOptionalFields_DefaultsWeightToOne()
    {
        var records = Records.Read(Reader, """{"kind":"follow","actor":"a","target":"b","type":"interaction","network":"x","time":null}""");

        Assert.Equal(new Interaction("x", null, "a", "b", InteractionKind.Follow), Assert.Single(records.Interactions()));
    }

    [Fact]
    public void Read_TimeWithOffset_IsConvertedToUtc()
    {
        var records = Records.Read(Reader, """{"type":"interaction","network":"x","time":"2024-05-01T14:00:00.25+02:00","actor":"a","target":"b","kind":"like"}""");

        var time = Assert.Single(records.Interactions()).OccurredAt!.Value;
        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 0, 0, 250, TimeSpan.Zero), time);
    }

    [Fact]
    public void Read_NetworkOption_FillsOnlyMissingNetwork()
    {
        var records = Records.Read(
            Reader,
            """
            {"type":"account","id":"1"}
            {"type":"account","id":"2","network":"mastodon"}
            """,
            new ReaderOptions(Network: "bluesky"));

        Assert.Equal(["bluesky", "mastodon"], records.Accounts().Select(a => a.Network));
    }

    [Fact]
    public void Read_BlankLines_AreSkippedAndLinesStayPhysical()
    {
        var records = Records.Read(Reader, "\n" + Account + "\n  \n" + Account + "\n");

        Assert.Equal([2L, 4L], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("""{"type":"account","network":"x"}""", "id", "is required")]
    [InlineData("""{"network":"x","id":"1"}""", "type", "is required")]
    [InlineData("""{"type":"user","network":"x","id":"1"}""", "type", "must be account")]
    [InlineData("""{"type":"account","id":"1"}""", "network", "is required")]
    [InlineData("""{"type":"account","network":"Twitter","id":"1"}""", "network", "network name")]
    [InlineData("""{"type":"account","network":"x","id":"1","handel":"@a"}""", "handel", "is not a field")]
    [InlineData("""{"type":"account","network":"x","id":"1","kind":"like"}""", "kind", "is not a field of account records")]
    [InlineData("""{"type":"account","network":"x","id":"1","id":"2"}""", "id", "more than once")]
    [InlineData("""{"type":"account","network":"x","id":12}""", "id", "must be a JSON string")]
    [InlineData("""{"type":"account","network":"x","id":""}""", "id", "must not be empty")]
    [InlineData("""{"type":"post","network":"x","id":"p","author":"a","created":"2024-05-01T12:00:00"}""", "created", "UTC offset")]
    [InlineData("""{"type":"post","network":"x","id":"p","author":"a","created":"yesterday"}""", "created", "ISO-8601")]
    [InlineData("""{"type":"post","network":"x","id":"p","author":"a","created":"2024-05-01T12:00:00Z","hashtags":"ai"}""", "hashtags", "array")]
    [InlineData("""{"type":"post","network":"x","id":"p","author":"a","created":"2024-05-01T12:00:00Z","hashtags":[1]}""", "hashtags", "array")]
    [InlineData("""{"type":"interaction","network":"x","actor":"a","target":"b","kind":"retweet"}""", "kind", "must be one of")]
    [InlineData("""{"type":"interaction","network":"x","actor":"a","target":"b","kind":"like","weight":0}""", "weight", "greater than 0")]
    [InlineData("""{"type":"interaction","network":"x","actor":"a","target":"b","kind":"like","weight":"2"}""", "weight", "JSON number")]
    [InlineData("""{"type":"interaction","network":"x","actor":"a","target":"b","kind":"like","weight":1e999}""", "weight", "finite")]
    [InlineData("""{"type":"interaction","network":"x","time":"2024-13-01T00:00:00Z","actor":"a","target":"b","kind":"like"}""", "time", "ISO-8601")]
    public void Read_InvalidRecord_YieldsErrorNamingFieldAndContinues(string line, string field, string message)
    {
        var records = Records.Read(Reader, Account + "\n" + line + "\n" + Account);

        var error = Assert.Single(records.Errors());
        Assert.Equal((2L, field), (error.Line, error.Field));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 3L], records.Where(r => r.Error is null).Select(r => r.Line));
    }

    [Theory]
    [InlineData("""{"type":"account","network":"x","id":"1\""")]
    [InlineData("""{"type":"account",}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"type":"account","network":"x","id":"1"} {}""")]
    [InlineData("""not json""")]
    public void Read_MalformedJson_YieldsRecordLevelErrorWithLineText(string line)
    {
        var records = Records.Read(Reader, line + "\n" + Account);

        var error = Assert.Single(records.Errors());
        Assert.Equal((1L, (string?)null, line), (error.Line, error.Field, error.Text));
        Assert.Single(records.Accounts());
    }
}
