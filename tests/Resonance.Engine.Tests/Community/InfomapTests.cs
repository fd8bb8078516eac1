using Resonance.Engine.Community;

namespace Resonance.Engine.Tests.Community;

public sealed class InfomapTests
{
    private static InfomapResult Run(UndirectedGraph g, InfomapOptions options) => Infomap.Run(g, options, TestContext.Current.CancellationToken);

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Infomap_TwoTrianglesJoinedByAnEdge_FindsTheTwoTriangles(ulong seed)
    {
        var g = MapEquationTests.TwoTriangles();
        var result = Run(g, new InfomapOptions { Seed = seed });

        Assert.Equal([0, 0, 0, 1, 1, 1], result.Membership);
        Assert.Equal(2, result.CommunityCount);
        Assert.Equal(MapEquation.Codelength(g, [0, 0, 0, 1, 1, 1]), result.Codelength);
        Assert.Equal(MapEquation.OneLevelCodelength(g), result.OneLevelCodelength);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void Infomap_PlantedPartition_RecoversTheBlocksExactly(ulong graphSeed)
    {
        // Four blocks of 32 nodes, interleaved (node v is in block v % 4), p_in = 0.3, p_out = 0.01.
        var g = LeidenTests.PlantedPartition(blocks: 4, size: 32, pIn: 0.3, pOut: 0.01, graphSeed);
        var result = Run(g, new InfomapOptions { Seed = graphSeed });

        Assert.Equal(Enumerable.Range(0, 128).Select(v => v % 4), result.Membership);
    }

    [Fact]
    public void Infomap_CompleteGraph_KeepsOneModule()
    {
        // No structure to describe: any split costs an index codebook and saves nothing.
        var a = new List<int>();
        var b = new List<int>();
        for (var u = 0; u < 8; u++)
        {
            for (var v = u + 1; v < 8; v++)
            {
                a.Add(u);
                b.Add(v);
            }
        }

        var g = UndirectedGraph.FromEdges(8, a.ToArray(), b.ToArray());
        var result = Run(g, new InfomapOptions());
        Assert.Equal(new int[8], result.Membership);
        Assert.Equal(MapEquation.OneLevelCodelength(g), result.Codelength, 1e-12);
    }

    [Fact]
    public void Infomap_TwoComponents_ReturnsThemWithoutAnIndexCodebook()
    {
        // Two disjoint triangles: the walk never leaves a component, so the components code it with no exits at all.
        var g = UndirectedGraph.FromEdges(6, [0, 1, 2, 3, 4, 5], [1, 2, 0, 4, 5, 3]);
        var result = Run(g, new InfomapOptions());
        Assert.Equal([0, 0, 0, 1, 1, 1], result.Membership);
        // Each component is used half the time and codes its three equally visited nodes with log₂ 3 bits.
        Assert.Equal(Math.Log2(3), result.Codelength, 1e-12);
    }

    [Fact]
    public void Infomap_OneThreadOrFour_SamePartitionBitForBit()
    {
        var g = LeidenTests.PlantedPartition(blocks: 6, size: 40, pIn: 0.08, pOut: 0.04, graphSeed: 4);
        var one = Run(g, new InfomapOptions { Seed = 11, Trials = 8, DegreeOfParallelism = 1 });
        var four = Run(g, new InfomapOptions { Seed = 11, Trials = 8, DegreeOfParallelism = 4 });

        Assert.Equal(one.Membership, four.Membership);
        Assert.Equal(one.Codelength, four.Codelength);
        Assert.Equal(one.TrialCodelengths, four.TrialCodelengths);
        Assert.Equal(one.BestTrial, four.BestTrial);
    }

    [Fact]
    public void Infomap_EdgesInAnotherOrder_SamePartition()
    {
        // The graph is built with sorted adjacency lists, so the order of the input edges (and of their ends) cannot matter.
        var g = LeidenTests.PlantedPartition(blocks: 5, size: 30, pIn: 0.1, pOut: 0.03, graphSeed: 8);
        var a = new List<int>();
        var b = new List<int>();
        for (var u = g.NodeCount - 1; u >= 0; u--)
        {
            foreach (var v in g.Neighbors(u))
            {
                if (v < u)
                {
                    a.Add(u);
                    b.Add(v);
                }
            }
        }

        var reversed = UndirectedGraph.FromEdges(g.NodeCount, a.ToArray(), b.ToArray());
        Assert.Equal(Run(g, new InfomapOptions { Seed = 5 }).Membership, Run(reversed, new InfomapOptions { Seed = 5 }).Membership);
    }

    [Fact]
    public void Infomap_DifferentSeeds_ExploreDifferentOrders()
    {
        // email-Eu-core has many near-optimal partitions; a seed that changed nothing would give identical results.
        var g = RealGraphs.EmailEuCore();
        var lengths = Enumerable.Range(0, 6).Select(s => Run(g, new InfomapOptions { Seed = (ulong)s, Trials = 1 }).Codelength).Distinct();
        Assert.True(lengths.Count() > 1);
    }

    [Fact]
    public void Infomap_MoreTrials_NeverLonger()
    {
        // The first trial of a run with 8 is the only trial of a run with 1 (same stream), and the best of 8 wins.
        var g = LeidenTests.PlantedPartition(blocks: 6, size: 40, pIn: 0.08, pOut: 0.04, graphSeed: 4);
        var one = Run(g, new InfomapOptions { Seed = 3, Trials = 1 });
        var eight = Run(g, new InfomapOptions { Seed = 3, Trials = 8 });
        Assert.Equal(one.TrialCodelengths[0], eight.TrialCodelengths[0]);
        Assert.Equal(eight.TrialCodelengths.Min(), eight.Codelength);
        Assert.True(eight.Codelength <= one.Codelength);
    }

    [Fact]
    public void Infomap_EmptyAndEdgelessGraphs_ReturnSingletons()
    {
        Assert.Empty(Run(UndirectedGraph.FromEdges(0, [], []), new InfomapOptions()).Membership);
        var edgeless = Run(UndirectedGraph.FromEdges(3, [], []), new InfomapOptions());
        Assert.Equal([0, 1, 2], edgeless.Membership);
        Assert.Equal(0, edgeless.Codelength);
    }

    [Theory]
    [InlineData(0, 10, 1e-5)]
    [InlineData(1, 0, 1e-5)]
    [InlineData(1, 10, -1.0)]
    [InlineData(1, 10, double.NaN)]
    public void Infomap_OptionOutOfRange_ThrowsNamingIt(int trials, int iterations, double tolerance)
    {
        var options = new InfomapOptions { Trials = trials, MaxIterations = iterations, Tolerance = tolerance };
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(MapEquationTests.TwoTriangles(), options));
    }
}
