using System.Security.Cryptography;
using CsCheck;
using Resonance.Engine.Community;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Community;

/// <summary>leiden@1 is a stored algorithm version: the partitions it gives must never change. These tests pin digests of
/// its partitions (membership, quality bits, iterations) computed before its kernels were made faster, on real data and
/// on generated graphs with non-dyadic weights (so that a change in the order of any sum would show). The generated graphs
/// use the greedy refinement (θ = 0): with θ > 0 the draw goes through <see cref="Math.Exp"/>, whose last bit may differ
/// between CPUs (docs on <see cref="Leiden"/>), which could change a rare near-tie draw on another machine.</summary>
public sealed class LeidenPinnedPartitionTests
{
    private static readonly Gen<(int N, int[] A, int[] B, double[] W, ulong Seed)> Weighted =
        from n in Gen.Int[2, 300]
        from m in Gen.Int[1, 3000]
        from a in Gen.Int[0, n - 1].Array[m]
        from b in Gen.Int[0, n - 1].Array[m]
        from w in Gen.Double[0.001, 3.0].Array[m]
        from seed in Gen.ULong
        select (n, a, b, w, seed);

    [Theory]
    [InlineData(1UL, 1.0, 0.01, "modularity", "FF7769602F8634A1")]
    [InlineData(1UL, 1.0, 0.01, "modularity", "FF7769602F8634A1", 1)]
    [InlineData(1UL, 1.0, 0.01, "modularity", "FF7769602F8634A1", 3)]
    [InlineData(2UL, 1.0, 0.01, "modularity", "8D3C852E8D2A28D1")]
    [InlineData(1UL, 1.25, 0.01, "modularity", "0E68C0F73466F2C4")]
    [InlineData(1UL, 1.0, 0.0, "modularity", "04E725DA802460C3")]
    [InlineData(3UL, 0.05, 0.01, "cpm", "A5E6634033A93DA8")]
    public void Leiden_EmailEuCore_PartitionIsThePinnedOne(ulong seed, double resolution, double randomness, string objective, string expected, int? threads = null)
    {
        var g = RealGraphs.EmailEuCore();
        var options = new LeidenOptions
        {
            Seed = seed, Resolution = resolution, Randomness = randomness, DegreeOfParallelism = threads,
            Objective = objective == "cpm" ? LeidenObjective.Cpm : LeidenObjective.Modularity,
        };

        Assert.Equal(expected, Digest([CommunityChecks.RunLeiden(g, options)]));
    }

    [Fact]
    public void Leiden_GeneratedWeightedGraphs_PartitionsAreThePinnedOnes()
    {
        // One thread, and four (which splits communities in parallel however small the graph).
        foreach (var threads in new[] { 1, 4 })
        {
            var results = new List<LeidenResult>();
            FixedSeed.ForAll(Weighted, 150, 7_000_000, c => results.Add(CommunityChecks.RunLeiden(UndirectedGraph.FromEdges(c.N, c.A, c.B, c.W),
                new LeidenOptions { Seed = c.Seed, Randomness = 0, DegreeOfParallelism = threads })));

            Assert.Contains(results, r => r.Iterations > 1);
            Assert.Equal("7048EA5C7ACD8E1F", Digest(results));
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Leiden_SocSlashdot0902_PartitionIsThePinnedOne()
    {
        var g = RealGraphs.SocSlashdot0902();
        foreach (var threads in new int?[] { null, 1, 2 })
        {
            Assert.Equal("F4EC39749B6B40C6", Digest([CommunityChecks.RunLeiden(g, new LeidenOptions { DegreeOfParallelism = threads })]));
        }
    }

    private static string Digest(IEnumerable<LeidenResult> results)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var r in results)
        {
            foreach (var c in r.Membership)
            {
                hash.AppendData(BitConverter.GetBytes(c));
            }

            hash.AppendData(BitConverter.GetBytes(BitConverter.DoubleToInt64Bits(r.Quality)));
            hash.AppendData(BitConverter.GetBytes(r.Iterations));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }
}
