namespace Resonance.Ingest.Tests;

public class RecordReadersTests
{
    [Theory]
    [InlineData("higgs-activity")]
    [InlineData("edgelist")]
    [InlineData("cascades")]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public void Get_KnownFormat_ReturnsReaderOfThatFormat(string format)
    {
        Assert.Equal(format, RecordReaders.Get(format).Format);
    }

    [Fact]
    public void Get_UnknownFormat_ThrowsListingValidFormats()
    {
        var ex = Assert.Throws<ArgumentException>(() => RecordReaders.Get("xml"));

        Assert.Contains("'xml'", ex.Message, StringComparison.Ordinal);
        foreach (var reader in RecordReaders.All)
        {
            Assert.Contains(reader.Format, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void All_Formats_AreDistinctAndDescribed()
    {
        Assert.Equal(RecordReaders.All.Count, RecordReaders.All.Select(r => r.Format).Distinct().Count());
        Assert.All(RecordReaders.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
    }
}
