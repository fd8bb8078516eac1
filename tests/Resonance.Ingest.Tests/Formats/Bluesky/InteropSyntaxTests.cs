using Resonance.Ingest.Formats.Bluesky.Syntax;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.Formats.Bluesky;

/// <summary>
/// Every vector of bluesky-social/atproto-interop-tests <c>syntax/</c> (in shared/data/bluesky-atproto-samples/interop-tests):
/// each valid line must be accepted and each invalid line rejected. Lines starting with <c>#</c> and empty lines are
/// comments; other lines are used exactly, trailing spaces included (several invalid vectors are "valid plus a space").
/// </summary>
public class InteropSyntaxTests
{
    public static TheoryData<string> Kinds() =>
        ["did", "handle", "atidentifier", "nsid", "recordkey", "tid", "aturi", "cid", "datetime"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Vectors_Valid_AllAccepted(string kind)
    {
        var vectors = Vectors($"{kind}_syntax_valid.txt");

        var rejected = vectors.Where(v => !Validator(kind)(v)).ToList();

        Assert.NotEmpty(vectors);
        Assert.Empty(rejected);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Vectors_Invalid_AllRejected(string kind)
    {
        var vectors = Vectors($"{kind}_syntax_invalid.txt");

        var accepted = vectors.Where(v => Validator(kind)(v)).ToList();

        Assert.NotEmpty(vectors);
        Assert.Empty(accepted);
    }

    [Fact]
    public void Datetime_ValidVectors_ParseExceptYearZero_AndParseInvalidVectorsDoNot()
    {
        var valid = Vectors("datetime_syntax_valid.txt");
        var parseInvalid = Vectors("datetime_parse_invalid.txt");

        var unparsed = valid.Where(v => !AtDatetime.TryParse(v, out _)).ToList();
        var parsed = parseInvalid.Where(v => AtDatetime.TryParse(v, out _)).ToList();

        Assert.Equal(["0000-01-01T00:00:00.000Z"], unparsed);
        Assert.Empty(parsed);
        Assert.True(AtDatetime.TryParse("1985-04-12T23:20:50.123456789012Z", out var t));
        Assert.Equal(new DateTimeOffset(1985, 4, 12, 23, 20, 50, TimeSpan.Zero).AddTicks(1_234_567), t);
    }

    private static Func<string, bool> Validator(string kind) => kind switch
    {
        "did" => Did.IsValid,
        "handle" => Handle.IsValid,
        "atidentifier" => AtIdentifier.IsValid,
        "nsid" => Nsid.IsValid,
        "recordkey" => RecordKey.IsValid,
        "tid" => Tid.IsValid,
        "aturi" => AtUri.IsValid,
        "cid" => CidSyntax.IsValid,
        "datetime" => AtDatetime.IsValid,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static List<string> Vectors(string file) =>
        [.. File.ReadLines(SharedData.File("bluesky-atproto-samples/interop-tests/syntax/" + file))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))];
}
