using Resonance.Domain;
using Resonance.Ingest.Formats;
using Resonance.Tests.Shared;

namespace Resonance.Ingest.Tests.RealData;

/// <summary>Reads a real gzip edge list: SNAP facebook_combined (88,234 edges, 4,039 nodes per its SOURCE.md).</summary>
[Trait("Category", "Slow")]
public class GzipEdgeListRealDataTests
{
    [Fact]
    public void FacebookCombinedGz_FullFile_MatchesPublishedCounts()
    {
        var path = SharedData.File("facebook-ego-combined/facebook_combined.txt.gz");
        var nodes = new HashSet<string>();
        var edges = 0;

        using var input = InputFiles.OpenText(path);
        foreach (var record in new EdgeListReader().Read(input.Reader, path, new ReaderOptions("facebook", InteractionKind.Follow)))
        {
            var interaction = record.Interaction ?? throw new Xunit.Sdk.XunitException(record.Error!.ToString());
            nodes.Add(interaction.ActorId);
            nodes.Add(interaction.TargetId);
            edges++;
        }

        Assert.True(input.IsGzip);
        Assert.Equal(88_234, edges);
        Assert.Equal(4_039, nodes.Count);
        Assert.Equal(input.Length, input.Position);
    }
}
