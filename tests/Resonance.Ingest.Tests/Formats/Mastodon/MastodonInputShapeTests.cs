using Resonance.Domain;
using Resonance.Ingest.Formats.Mastodon;
using static Resonance.Ingest.Tests.Formats.Mastodon.MastodonJson;

namespace Resonance.Ingest.Tests.Formats.Mastodon;

public class MastodonInputShapeTests
{
    private static readonly MastodonReader Reader = new();

    [Fact]
    public void Read_ObjectArrayAndJsonLines_GiveTheSameAccounts()
    {
        var carol = Account("3", "carol@third.example", "https://third.example/@carol");

        var one = Records.Read(Reader, Alice).Accounts();
        var array = Records.Read(Reader, $"[\n{Alice},\n{Bob}\n]").Accounts();
        var lines = Records.Read(Reader, $"{Alice}\n[{Bob},{carol}]\n").Accounts();

        Assert.Equal(["alice@example.social"], one.Select(a => a.ExternalId));
        Assert.Equal(["alice@example.social", "bob@other.example"], array.Select(a => a.ExternalId));
        Assert.Equal(["alice@example.social", "bob@other.example", "carol@third.example"], lines.Select(a => a.ExternalId));
    }

    [Fact]
    public void Read_PrettyPrintedArray_RecordsCarryTheLineWhereTheirObjectStarts()
    {
        var records = Records.Read(Reader, $"[\n  {Alice},\n\n  {Bob}\n]\n");

        Assert.Equal([2L, 4L], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_CaptureEnvelope_ReadsTheBody()
    {
        var json = $$"""{"request":{"method":"GET","uri":"https://example.social/api/v1/accounts/1/followers"},"status":200,"body":[{{Bob}}]}""";

        Assert.Equal("bob@other.example", Assert.Single(Records.Read(Reader, json).Accounts()).ExternalId);
    }

    [Fact]
    public void Read_JsonLinesWithBrokenLine_ReportsItAndGoesOnWithTheNextLine()
    {
        var records = Records.Read(Reader, $"{Alice}\n{{\"acct\": nope}}\n{Bob}\n");

        var error = Assert.Single(records.Errors());
        Assert.Equal(2, error.Line);
        Assert.StartsWith("invalid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(["alice@example.social", "bob@other.example"], records.Accounts().Select(a => a.ExternalId));
    }

    [Fact]
    public void Read_TruncatedMultiLineDocument_OneErrorAfterTheCompleteElements()
    {
        var records = Records.Read(Reader, $"[\n{Alice},\n{Bob},\n{{\"acct\":");

        Assert.Equal(2, records.Accounts().Count);
        Assert.Equal(4, Assert.Single(records.Errors()).Line);
    }

    [Fact]
    public void Read_TopLevelScalar_IsAnError()
    {
        var error = Assert.Single(Records.Read(Reader, "\n42\n").Errors());

        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Read_UnrecognisedObjects_AreSkippedWithoutErrors()
    {
        var poll = """{"id":"684128","expired":true,"options":[{"title":"a","votes_count":1}]}""";

        Assert.Empty(Records.Read(Reader, $"{poll}\n[{{\"name\":\"rstats\",\"history\":[]}}]"));
    }

    [Fact]
    public void Read_ObjectLargerThanTheWholeObjectLimit_StreamsItsItems()
    {
        // An outbox larger than the limit is walked: its orderedItems are scanned one by one, the padding skipped.
        var padding = new string('x', 2 * JsonValueScanner.MaxWholeObject);
        var item = """{"type":"Follow","actor":"https://example.social/users/alice","object":"https://other.example/users/bob"}""";
        var json = $$"""{"type":"OrderedCollection","summary":"{{padding}}","orderedItems":[{{item}},{{item.Replace("bob", "carol", StringComparison.Ordinal)}}]}""";

        var interactions = Records.Read(Reader, json).Interactions();

        Assert.Equal(["bob@other.example", "carol@other.example"], interactions.Select(i => i.TargetId));
        Assert.All(interactions, i => Assert.Equal(InteractionKind.Follow, i.Kind));
    }
}
