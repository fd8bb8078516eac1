using Resonance.Domain;
using Resonance.Ingest.Formats;

namespace Resonance.Ingest.Tests.Formats;

public class EdgeListReaderTests
{
    private static readonly EdgeListReader Reader = new();
    private static readonly ReaderOptions Follows = new("wiki", InteractionKind.Follow);

    [Fact]
    public void Read_EdgesWithAndWithoutWeight_AreUntimedInteractionsSrcActsOnDst()
    {
        var records = Records.Read(Reader, "a b\nb\tc 2.5\nc a 1e2\n", Follows);

        Assert.Equal(
            [
                new Interaction("wiki", null, "a", "b", InteractionKind.Follow),
                new Interaction("wiki", null, "b", "c", InteractionKind.Follow, Weight: 2.5),
                new Interaction("wiki", null, "c", "a", InteractionKind.Follow, Weight: 100),
            ],
            records.Interactions());
    }

    [Fact]
    public void Read_CommentsAndBlankLines_AreSkippedWithPhysicalLineNumbers()
    {
        var records = Records.Read(Reader, "# Nodes: 3\n% matrix market style\n\n  # indented comment\n1 2\n\n2 3\n", Follows);

        Assert.Empty(records.Errors());
        Assert.Equal([5L, 7L], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("1,5")]
    public void Read_BadWeight_YieldsWeightErrorAndContinues(string weight)
    {
        var records = Records.Read(Reader, $"a b\nb c {weight}\nc d 3\n", Follows);

        var error = Assert.Single(records.Errors());
        Assert.Equal((2L, "weight", weight), (error.Line, error.Field, error.Text));
        Assert.Equal(2, records.Interactions().Count);
    }

    [Theory]
    [InlineData("lonely")]
    [InlineData("a b 1 extra")]
    public void Read_WrongFieldCount_YieldsWholeLineError(string line)
    {
        var error = Assert.Single(Records.Read(Reader, $"x y\n{line}\n", Follows).Errors());

        Assert.Equal((2L, (string?)null, line), (error.Line, error.Field, error.Text));
    }

    [Fact]
    public void Validate_MissingKindOrNetwork_ExplainsWhatIsNeeded()
    {
        Assert.Contains("--kind", Reader.Validate(new ReaderOptions(Network: "wiki")), StringComparison.Ordinal);
        Assert.Contains("--network", Reader.Validate(new ReaderOptions(Kind: InteractionKind.Follow)), StringComparison.Ordinal);
        Assert.NotNull(Reader.Validate(new ReaderOptions("Wiki!", InteractionKind.Follow)));
        Assert.Null(Reader.Validate(Follows));
    }

    [Fact]
    public void Read_WithoutKind_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Reader.Read(new StringReader("a b"), "f", new ReaderOptions(Network: "wiki")));
    }

    [Fact]
    public void Read_GzipFile_GivesSameRecordsAsPlainFile()
    {
        const string text = "# comment\n1 2\n2 3 4\n3 1\n";
        using var folder = Records.TempFolder();
        var plain = folder.File("edges.txt");
        var gzip = folder.File("edges.txt.gz");
        File.WriteAllText(plain, text);
        InputFilesTests.WriteGzip(gzip, text);

        using var plainInput = InputFiles.OpenText(plain);
        using var gzipInput = InputFiles.OpenText(gzip);
        var fromPlain = Reader.Read(plainInput.Reader, "edges", Follows).ToList();
        var fromGzip = Reader.Read(gzipInput.Reader, "edges", Follows).ToList();

        Assert.Equal(3, fromPlain.Count);
        Assert.Equal(fromPlain, fromGzip);
    }
}
