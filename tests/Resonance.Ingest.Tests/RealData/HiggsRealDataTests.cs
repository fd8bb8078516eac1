using Resonance.Domain;
using Resonance.Ingest.Formats;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.RealData;

/// <summary>Reads the SNAP Higgs files and checks the counts published by SNAP and measured in shared/data/higgs-twitter/SOURCE.md.</summary>
[Trait("Category", "Slow")]
public class HiggsRealDataTests
{
    [Fact]
    public void HiggsActivity_FullFile_MatchesPublishedCounts()
    {
        var path = SharedData.File("higgs-twitter/higgs-activity_time.txt");
        var kinds = new Dictionary<InteractionKind, int>();
        var users = new HashSet<string>();
        long errors = 0, min = long.MaxValue, max = long.MinValue, last = 0;

        using var input = InputFiles.OpenText(path);
        foreach (var record in new HiggsActivityReader().Read(input.Reader, path, new ReaderOptions()))
        {
            last = record.Line;
            if (record.Interaction is not { } interaction)
            {
                errors++;
                continue;
            }
            kinds[interaction.Kind] = kinds.GetValueOrDefault(interaction.Kind) + 1;
            users.Add(interaction.ActorId);
            users.Add(interaction.TargetId);
            var seconds = interaction.OccurredAt!.Value.ToUnixTimeSeconds();
            min = Math.Min(min, seconds);
            max = Math.Max(max, seconds);
            Assert.Equal("higgs", interaction.Network);
        }

        Assert.Equal(0, errors);
        Assert.Equal(563_069, last);
        Assert.Equal(563_069, kinds.Values.Sum());
        Assert.Equal(354_930, kinds[InteractionKind.Repost]);
        Assert.Equal(171_237, kinds[InteractionKind.Mention]);
        Assert.Equal(36_902, kinds[InteractionKind.Reply]);
        Assert.Equal(304_691, users.Count);
        Assert.Equal((1_341_100_972L, 1_341_705_593L), (min, max));
        Assert.Equal(input.Length, input.Position);
    }

    [Theory]
    [InlineData("higgs-retweet_network.edgelist", InteractionKind.Repost, 328_132, 256_491, 354_930)]
    [InlineData("higgs-mention_network.edgelist", InteractionKind.Mention, 150_818, 116_408, 171_237)]
    [InlineData("higgs-reply_network.edgelist", InteractionKind.Reply, 32_523, 38_918, 36_902)]
    public void HiggsEdgeList_FullFile_MatchesPublishedCounts(string file, InteractionKind kind, int edges, int nodes, int weightSum)
    {
        var path = SharedData.File("higgs-twitter/" + file);
        var ids = new HashSet<string>();
        var count = 0;
        var weights = 0.0;

        using var input = InputFiles.OpenText(path);
        foreach (var record in new EdgeListReader().Read(input.Reader, path, new ReaderOptions("higgs", kind)))
        {
            var interaction = record.Interaction ?? throw new Xunit.Sdk.XunitException(record.Error!.ToString());
            Assert.Equal(kind, interaction.Kind);
            Assert.Null(interaction.OccurredAt);
            ids.Add(interaction.ActorId);
            ids.Add(interaction.TargetId);
            weights += interaction.Weight;
            count++;
        }

        Assert.Equal(edges, count);
        Assert.Equal(nodes, ids.Count);
        Assert.Equal(weightSum, weights);
    }

    [Fact]
    public void HiggsActivity_CorruptedLineInCopy_FirstErrorIsAtThatLine()
    {
        var path = SharedData.File("higgs-twitter/higgs-activity_time.txt");
        using var folder = Records.TempFolder();
        var copy = folder.File("higgs-corrupt.txt");
        const int corruptLine = 4_321;
        var lines = File.ReadLines(path).Take(10_000).ToArray();
        var original = lines[corruptLine - 1];
        lines[corruptLine - 1] = original.Replace(' ', ';');
        File.WriteAllText(copy, string.Join('\n', lines) + "\n");

        using var input = InputFiles.OpenText(copy);
        var records = new HiggsActivityReader().Read(input.Reader, copy, new ReaderOptions()).ToList();

        var error = records.First(r => r.Error is not null).Error!;
        Assert.Equal(corruptLine, error.Line);
        Assert.Single(records.Errors());
        Assert.Equal(9_999, records.Interactions().Count);
    }

    [Fact]
    public void HiggsActivity_CopyCutMidRecord_ErrorsOnTheLastLineOnly()
    {
        var path = SharedData.File("higgs-twitter/higgs-activity_time.txt");
        using var folder = Records.TempFolder();
        var copy = folder.File("higgs-cut.txt.gz");
        var lines = File.ReadLines(path).Take(5_000).ToArray();
        var text = string.Join('\n', lines);
        // Cut inside the last record's type field ("RT" -> "R").
        InputFilesTests.WriteGzip(copy, text[..^1]);

        using var input = InputFiles.OpenText(copy);
        var records = new HiggsActivityReader().Read(input.Reader, copy, new ReaderOptions()).ToList();

        var error = Assert.Single(records.Errors());
        Assert.Equal((5_000L, "type"), (error.Line, error.Field));
        Assert.Equal(4_999, records.Interactions().Count);
    }
}
