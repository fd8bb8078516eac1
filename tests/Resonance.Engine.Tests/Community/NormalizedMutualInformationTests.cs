using CsCheck;
using Resonance.Engine.Statistics;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Community;

// Lives beside the community tests that use it; the engine type is Resonance.Engine.Statistics.NormalizedMutualInformation.
public sealed class NormalizedMutualInformationTests
{
    [Fact]
    public void Nmi_RefinementOfTwoHalves_IsExactlyFourFifths()
    {
        // b splits one of a's halves in two: I = H(a) = ln 2 and H(b) = 1.5 ln 2, so NMI = 2/2.5 (igraph and sklearn agree).
        Assert.Equal(0.8, NormalizedMutualInformation.Compute([0, 0, 1, 1], [0, 0, 1, 2]), 1e-15);
    }

    [Fact]
    public void Nmi_IdenticalUpToRenaming_IsOne()
    {
        Assert.Equal(1.0, NormalizedMutualInformation.Compute([5, 5, -3, 9, 9], [0, 0, 1, 2, 2]), 1e-15);
    }

    [Fact]
    public void Nmi_IndependentPartitions_IsZero()
    {
        Assert.Equal(0.0, NormalizedMutualInformation.Compute([0, 0, 1, 1], [0, 1, 0, 1]), 1e-15);
    }

    [Fact]
    public void Nmi_TrivialPartitions_FollowIgraphAndSklearn()
    {
        Assert.Equal(1.0, NormalizedMutualInformation.Compute([3, 3, 3], [7, 7, 7]));
        Assert.Equal(0.0, NormalizedMutualInformation.Compute([3, 3, 3], [0, 1, 2]));
    }

    [Fact]
    public void Nmi_RandomLabelings_MatchesContingencyTableReference()
    {
        var gen = from n in Gen.Int[1, 60]
                  from a in Gen.Int[-3, 5].Array[n]
                  from b in Gen.Int[0, 8].Array[n]
                  select (a, b);
        FixedSeed.ForAll(gen, 300, 200_000, c =>
        {
            var expected = Reference(c.a, c.b);
            var actual = NormalizedMutualInformation.Compute(c.a, c.b);
            Assert.Equal(expected, actual, 1e-12);
            Assert.Equal(actual, NormalizedMutualInformation.Compute(c.b, c.a), 1e-12); // symmetric
        });
    }

    [Fact]
    public void Nmi_EmailEuCoreDepartmentsAgainstIdBuckets_MatchesIgraph()
    {
        // igraph 0.10.2: compare_communities(departments, [v // 100 for v in range(1005)], "nmi").
        var departments = RealGraphs.EmailDepartments();
        var buckets = Enumerable.Range(0, departments.Length).Select(v => v / 100).ToArray();
        Assert.Equal(0.13904565606529742, NormalizedMutualInformation.Compute(departments, buckets), 1e-12);
    }

    [Fact]
    public void Nmi_BadArguments_Throw()
    {
        Assert.Throws<ArgumentException>(() => NormalizedMutualInformation.Compute([1], [1, 2]));
        Assert.Throws<ArgumentException>(() => NormalizedMutualInformation.Compute([], []));
    }

    /// <summary>NMI from an explicit contingency table, with entropies in bits (the base cancels).</summary>
    private static double Reference(int[] a, int[] b)
    {
        var n = (double)a.Length;
        var table = new Dictionary<(int, int), int>();
        for (var i = 0; i < a.Length; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
        }

        var rows = a.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var columns = b.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var mutual = table.Sum(cell => cell.Value / n * Math.Log2(cell.Value * n / (rows[cell.Key.Item1] * (double)columns[cell.Key.Item2])));
        var hA = -rows.Values.Sum(c => c / n * Math.Log2(c / n));
        var hB = -columns.Values.Sum(c => c / n * Math.Log2(c / n));
        return hA + hB == 0 ? 1.0 : 2 * mutual / (hA + hB);
    }
}
