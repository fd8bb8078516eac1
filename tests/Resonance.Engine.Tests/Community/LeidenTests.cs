using Resonance.Engine.Community;
using Resonance.Engine.Randomness;
using Resonance.Engine.Statistics;

namespace Resonance.Engine.Tests.Community;

public sealed class LeidenTests
{
    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Leiden_PlantedPartition_RecoversTheBlocksExactly(ulong graphSeed)
    {
        // Four blocks of 32 nodes, interleaved (node v is in block v % 4), p_in = 0.3, p_out = 0.01.
        var g = PlantedPartition(blocks: 4, size: 32, pIn: 0.3, pOut: 0.01, graphSeed);
        var result = CommunityChecks.RunLeiden(g, new LeidenOptions { Seed = graphSeed });

        // Numbered by smallest member, the blocks of nodes 0, 1, 2, 3 are communities 0, 1, 2, 3.
        Assert.Equal(Enumerable.Range(0, 128).Select(v => v % 4), result.Membership);
        Assert.Equal(4, result.CommunityCount);
    }

    [Fact]
    public void Leiden_KarateClub_ReachesTheProvenOptimum()
    {
        // Brandes et al. (2008), "On modularity clustering", IEEE TKDE 20(2): the maximum modularity of the karate club
        // is 0.4198 (4 communities); igraph 0.10.2's community_optimal_modularity() gives 0.4197896120973046.
        var g = KarateClub.Graph();
        var results = Enumerable.Range(1, 10).Select(s => CommunityChecks.RunLeiden(g, new LeidenOptions { Seed = (ulong)s })).ToArray();

        Assert.Equal(0.4197896120973046, results.Max(r => r.Quality), 1e-12);
        Assert.All(results, r => Assert.True(r.Quality > 0.40, $"seed {r.Seed}: Q = {r.Quality}"));
        Assert.All(results, r => Assert.Empty(CommunityChecks.DisconnectedCommunities(g, r.Membership)));
    }

    [Fact]
    public void Leiden_TwoCliquesJoinedByOneEdge_CpmSplitsOrMergesByResolution()
    {
        // Two K5 joined by the edge {4, 5}. CPM: together 21 − 45γ, apart 20 − 20γ, so they merge below γ = 0.04.
        var edges = new List<(int, int)>();
        for (var offset = 0; offset <= 5; offset += 5)
        {
            for (var i = 0; i < 5; i++)
            {
                for (var j = i + 1; j < 5; j++)
                {
                    edges.Add((offset + i, offset + j));
                }
            }
        }

        edges.Add((4, 5));
        var g = UndirectedGraph.FromEdges(10, edges.Select(e => e.Item1).ToArray(), edges.Select(e => e.Item2).ToArray());

        var apart = CommunityChecks.RunLeiden(g, new LeidenOptions { Objective = LeidenObjective.Cpm, Resolution = 0.5 });
        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], apart.Membership);
        Assert.Equal(2 * (10 - (0.5 * 10)), apart.Quality, 1e-12);

        var together = CommunityChecks.RunLeiden(g, new LeidenOptions { Objective = LeidenObjective.Cpm, Resolution = 0.01 });
        Assert.Equal(new int[10], together.Membership);
        Assert.Equal(21 - (0.01 * 45), together.Quality, 1e-12);
    }

    [Fact]
    public void Leiden_SameSeed_SamePartitionOnEveryRunAndThread()
    {
        var g = PlantedPartition(blocks: 6, size: 40, pIn: 0.12, pOut: 0.03, graphSeed: 9);
        var options = new LeidenOptions { Seed = 123 };
        var reference = CommunityChecks.RunLeiden(g, options);
        var concurrent = new LeidenResult[16];
        Parallel.For(0, concurrent.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i] = CommunityChecks.RunLeiden(g, options));

        Assert.All(concurrent, r => Assert.Equal(reference.Membership, r.Membership));
        Assert.All(concurrent, r => Assert.Equal(reference.Quality, r.Quality));
        Assert.Equal(123UL, reference.Seed);
    }

    [Fact]
    public void Leiden_DifferentSeeds_ExploreDifferentOrders()
    {
        // A noisy graph has many near-optimal partitions; a seed that changed nothing would give identical results.
        var g = PlantedPartition(blocks: 6, size: 40, pIn: 0.08, pOut: 0.04, graphSeed: 4);
        var partitions = Enumerable.Range(0, 8).Select(s => string.Join(',', CommunityChecks.RunLeiden(g, new LeidenOptions { Seed = (ulong)s }).Membership)).Distinct();
        Assert.True(partitions.Count() > 1);
    }

    [Fact]
    public void Leiden_EmptyGraph_ReturnsNoCommunities()
    {
        var result = CommunityChecks.RunLeiden(UndirectedGraph.FromEdges(0, [], []), new LeidenOptions());
        Assert.Empty(result.Membership);
        Assert.Equal(0, result.CommunityCount);
        Assert.True(result.Converged);
    }

    [Fact]
    public void Leiden_SingleNodeAndEdgelessGraphs_ReturnSingletons()
    {
        var single = CommunityChecks.RunLeiden(UndirectedGraph.FromEdges(1, [], []), new LeidenOptions());
        Assert.Equal([0], single.Membership);
        Assert.True(double.IsNaN(single.Quality)); // modularity is undefined without edges, as in igraph

        var edgeless = CommunityChecks.RunLeiden(UndirectedGraph.FromEdges(4, [], []), new LeidenOptions { Objective = LeidenObjective.Cpm, Resolution = 0.5 });
        Assert.Equal([0, 1, 2, 3], edgeless.Membership);
        Assert.Equal(0.0, edgeless.Quality);
    }

    [Fact]
    public void Leiden_SelfLoopsOnly_KeepsNodesApart()
    {
        // Merging two nodes that share no edge only adds the null-model penalty, so every node stays alone.
        var g = UndirectedGraph.FromEdges(3, [0, 1, 2], [0, 1, 2], [1.0, 2.0, 3.0]);
        var result = CommunityChecks.RunLeiden(g, new LeidenOptions());
        Assert.Equal([0, 1, 2], result.Membership);
        Assert.Equal(Modularity.Compute(g, [0, 1, 2]), result.Quality);
    }

    [Fact]
    public void Leiden_DisconnectedTriangles_OneCommunityEach()
    {
        var g = UndirectedGraph.FromEdges(6, [0, 1, 2, 3, 4, 5], [1, 2, 0, 4, 5, 3]);
        var result = CommunityChecks.RunLeiden(g, new LeidenOptions());
        Assert.Equal([0, 0, 0, 1, 1, 1], result.Membership);
        Assert.Equal(0.5, result.Quality, 1e-15); // 2 × (3/6 − (6/12)²)
    }

    [Fact]
    public void Leiden_MaxIterationsOne_StopsAfterOneIteration()
    {
        var g = PlantedPartition(blocks: 6, size: 40, pIn: 0.08, pOut: 0.04, graphSeed: 4);
        var result = CommunityChecks.RunLeiden(g, new LeidenOptions { MaxIterations = 1, Tolerance = 0 });
        Assert.Equal(1, result.Iterations);
        Assert.False(result.Converged);
    }

    [Fact]
    public void Leiden_CancelledToken_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Leiden.Run(KarateClub.Graph(), new LeidenOptions(), cts.Token));
    }

    [Theory]
    [InlineData(-1.0, 0.01, 1e-3, 10)]
    [InlineData(1.0, -0.5, 1e-3, 10)]
    [InlineData(1.0, 0.01, double.NaN, 10)]
    [InlineData(1.0, 0.01, 1e-3, 0)]
    [InlineData(double.PositiveInfinity, 0.01, 1e-3, 10)]
    public void Leiden_OptionOutOfRange_Throws(double resolution, double randomness, double tolerance, int maxIterations)
    {
        var options = new LeidenOptions { Resolution = resolution, Randomness = randomness, Tolerance = tolerance, MaxIterations = maxIterations };
        Assert.Throws<ArgumentOutOfRangeException>(() => CommunityChecks.RunLeiden(KarateClub.Graph(), options));
    }

    [Fact]
    public void Leiden_NoThreads_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CommunityChecks.RunLeiden(KarateClub.Graph(), new LeidenOptions { DegreeOfParallelism = 0 }));
        Assert.Equal(nameof(LeidenOptions.DegreeOfParallelism), e.ParamName);
    }

    [Fact]
    public void Leiden_PlantedPartition_NmiAgainstBlocksIsOne()
    {
        var g = PlantedPartition(blocks: 5, size: 30, pIn: 0.4, pOut: 0.02, graphSeed: 77);
        var result = CommunityChecks.RunLeiden(g, new LeidenOptions { Seed = 5 });
        var blocks = Enumerable.Range(0, 150).Select(v => v % 5).ToArray();
        Assert.Equal(1.0, NormalizedMutualInformation.Compute(result.Membership, blocks), 1e-12);
    }

    /// <summary>A planted-partition random graph: node v is in block v % blocks; pairs inside a block are joined with
    /// probability pIn, other pairs with pOut.</summary>
    internal static UndirectedGraph PlantedPartition(int blocks, int size, double pIn, double pOut, ulong graphSeed)
    {
        var n = blocks * size;
        var rng = new Xoshiro256StarStar(graphSeed);
        var a = new List<int>();
        var b = new List<int>();
        for (var u = 0; u < n; u++)
        {
            for (var v = u + 1; v < n; v++)
            {
                if (rng.NextDouble() < (u % blocks == v % blocks ? pIn : pOut))
                {
                    a.Add(u);
                    b.Add(v);
                }
            }
        }

        return UndirectedGraph.FromEdges(n, a.ToArray(), b.ToArray());
    }
}
