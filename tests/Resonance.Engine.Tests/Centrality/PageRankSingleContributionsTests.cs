using Resonance.Engine.Centrality;
using Resonance.Engine.Graphs;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Centrality;

/// <summary><see cref="PageRankOptions.SingleContributions"/>: float gathers, double scores.</summary>
public sealed class PageRankSingleContributionsTests
{
    [Fact]
    public void SingleContributions_RandomGraphs_AgreeWithTheDenseReferenceToFloatPrecision()
    {
        FixedSeed.ForAll(EdgeLists.Random(40, 400, weighted: true), 200, 7_000, list =>
        {
            foreach (var weighted in new[] { false, true })
            {
                var options = new PageRankOptions { Tolerance = 1e-13, MaxIterations = 5_000, Weighted = weighted, SingleContributions = true };
                var result = PageRank.Run(list.Build(), options, TestContext.Current.CancellationToken);
                var reference = DensePageRank.Run(list, 0.85, weighted, null);
                var l1 = result.Scores.Zip(reference, (a, b) => Math.Abs(a - b)).Sum();
                Assert.True(l1 < 1e-5, $"L1 {l1:E2} from the dense reference"); // float sums: rounding grows with in-degree (here up to ~40)
            }
        });
    }

    [Fact]
    public void SingleContributions_RmatGraph_BitIdenticalForOneAndManyThreads()
    {
        var (sources, targets, n) = RmatGenerator.Generate(12, 8, seed: 3);
        var g = CsrGraphBuilder.Build(n, sources, targets);
        var options = new PageRankOptions { MaxIterations = 30, Tolerance = 0, SingleContributions = true };

        var one = PageRank.Run(g, options with { DegreeOfParallelism = 1 }, TestContext.Current.CancellationToken);
        var many = PageRank.Run(g, options with { DegreeOfParallelism = 4 }, TestContext.Current.CancellationToken);
        var exact = PageRank.Run(g, options with { SingleContributions = false }, TestContext.Current.CancellationToken);

        Assert.Equal(one.Scores, many.Scores);
        Assert.NotEqual(exact.Scores, one.Scores);
        Assert.True(exact.Scores.Zip(one.Scores, (a, b) => Math.Abs(a - b)).Sum() < 1e-6);
    }
}
