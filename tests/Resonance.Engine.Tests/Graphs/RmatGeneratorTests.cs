using Resonance.Engine.Graphs;

namespace Resonance.Engine.Tests.Graphs;

public sealed class RmatGeneratorTests
{
    [Fact]
    public void Generate_OneVersusFourThreads_BitIdentical()
    {
        var one = RmatGenerator.Generate(14, 8, seed: 7, degreeOfParallelism: 1);
        var four = RmatGenerator.Generate(14, 8, seed: 7, degreeOfParallelism: 4);

        Assert.Equal(one.Sources, four.Sources);
        Assert.Equal(one.Targets, four.Targets);
    }

    [Fact]
    public void Generate_Scale14_ValidIdsNoSelfLoopsAndAboutTheRequestedEdgeCount()
    {
        var (src, dst, n) = RmatGenerator.Generate(14, 8, seed: 1);

        Assert.Equal(1 << 14, n);
        Assert.Equal(src.Length, dst.Length);
        Assert.InRange(src.Length, (int)(0.9 * n * 8), n * 8);
        for (var e = 0; e < src.Length; e++)
        {
            Assert.InRange(src[e], 0, n - 1);
            Assert.InRange(dst[e], 0, n - 1);
            Assert.NotEqual(src[e], dst[e]);
        }
    }

    [Fact]
    public void Generate_Scale16_DegreesAreHeavyTailed()
    {
        var (src, _, n) = RmatGenerator.Generate(16, 16, seed: 3);
        var degree = new int[n];
        foreach (var s in src)
        {
            degree[s]++;
        }
        Array.Sort(degree);
        var median = degree[n / 2];
        var max = degree[^1];

        // R-MAT with Graph500 parameters: the top node has far more edges than the typical node.
        Assert.True(max > 50 * Math.Max(1, median), $"max out-degree {max}, median {median}");
    }

    [Fact]
    public void Generate_DifferentSeeds_DifferentGraphs()
    {
        var a = RmatGenerator.Generate(12, 4, seed: 1);
        var b = RmatGenerator.Generate(12, 4, seed: 2);

        Assert.NotEqual(a.Sources, b.Sources);
    }
}
