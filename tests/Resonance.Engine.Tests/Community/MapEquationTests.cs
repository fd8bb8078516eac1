using CsCheck;
using Resonance.Engine.Community;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Community;

public sealed class MapEquationTests
{
    /// <summary>Two triangles {0, 1, 2} and {3, 4, 5} joined by the edge {2, 3}.</summary>
    internal static UndirectedGraph TwoTriangles() =>
        UndirectedGraph.FromEdges(6, [0, 1, 2, 3, 4, 5, 2], [1, 2, 0, 4, 5, 3, 3]);

    [Fact]
    public void Codelength_TwoTrianglesJoinedByAnEdge_MatchesTheHandComputedValue()
    {
        // 7 edges, 2m = 14; degrees 2, 2, 3 | 3, 2, 2, so the walker visits nodes at rates 2/14, 2/14, 3/14 | 3/14, 2/14, 2/14.
        // Modules A = {0,1,2}, B = {3,4,5}: each is left at rate q_i = 1/14 (the bridge, one direction), q = 2/14 = 1/7.
        // Index codebook: q·H(1/2, 1/2) = 1/7 · 1 bit.
        // Module codebook of A: used at rate p_A↻ = q_A + p_A = 1/14 + 7/14 = 8/14, for the exit and the three nodes with
        // probabilities 1/8, 2/8, 2/8, 3/8: H = 1/8·3 + 2·(2/8)·2 + (3/8)·log₂(8/3) = 1.375 + 0.375·1.4150375 = 1.9056391.
        // L = 1/7 + 2 · (8/14) · 1.9056391 = 0.1428571 + 2.1778732 = 2.3207304 bits.
        var g = TwoTriangles();
        var hand = (1.0 / 7) + (2 * (8.0 / 14) * ((1.0 / 8 * 3) + (2 * 2.0 / 8 * 2) + (3.0 / 8 * Math.Log2(8.0 / 3))));
        Assert.Equal(2.3207304, hand, 1e-7);
        Assert.Equal(hand, MapEquation.Codelength(g, [0, 0, 0, 1, 1, 1]), 1e-12);
    }

    [Fact]
    public void OneLevelCodelength_TwoTriangles_IsTheEntropyOfTheVisitRates()
    {
        // One module: no index codebook, every step coded by H(p) = 4·(1/7)·log₂ 7 + 2·(3/14)·log₂(14/3) = 2.5566567 bits,
        // so the two triangles save 0.236 bits per step.
        var g = TwoTriangles();
        var hand = (4.0 / 7 * Math.Log2(7)) + (2 * 3.0 / 14 * Math.Log2(14.0 / 3));
        Assert.Equal(2.5566567, hand, 1e-7);
        Assert.Equal(hand, MapEquation.OneLevelCodelength(g), 1e-12);
        Assert.Equal(hand, MapEquation.Codelength(g, new int[6]), 1e-12);
    }

    [Fact]
    public void Codelength_SingletonsOfTheTwoTriangles_IsLongerThanEitherPartition()
    {
        var g = TwoTriangles();
        var singletons = MapEquation.Codelength(g, [0, 1, 2, 3, 4, 5]);
        Assert.True(singletons > MapEquation.OneLevelCodelength(g));
        Assert.True(singletons > MapEquation.Codelength(g, [0, 0, 0, 1, 1, 1]));
    }

    [Fact]
    public void Codelength_RandomGraphsAndPartitions_MatchesTheDenseEntropyForm()
    {
        var cases = from list in EdgeLists.Random(12, 40, weighted: true)
                    from labels in Gen.Int[0, 3].Array[list.NodeCount]
                    select (list, labels);
        FixedSeed.ForAll(cases, 300, 800_000, c =>
        {
            var g = UndirectedGraph.FromDirected(c.list.Build());
            Assert.Equal(DenseMapEquation.Codelength(DenseQuality.Adjacency(c.list), c.labels), MapEquation.Codelength(g, c.labels), 1e-10);
        });
    }

    [Fact]
    public void Codelength_WrongLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => MapEquation.Codelength(TwoTriangles(), [0, 0]));
    }
}
