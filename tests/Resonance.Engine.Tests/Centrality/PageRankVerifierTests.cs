using Resonance.Engine.Centrality;
using Resonance.Engine.Tests.Graphs;

namespace Resonance.Engine.Tests.Centrality;

public sealed class PageRankVerifierTests
{
    [Fact]
    public void PageRankVerifier_ConvergedResults_ResidualBelowTolerance()
    {
        FixedSeed.ForAll(EdgeLists.Random(30, 120, weighted: true), 100, 60_000, list =>
        {
            var g = list.Build();
            foreach (var weighted in new[] { false, true })
            {
                // Worst-case convergence from 1 to 1e-10 at d = 0.85 takes about 142 iterations, above the default cap.
                var options = new PageRankOptions { Weighted = weighted, MaxIterations = 1_000 };
                var result = PageRankTests.Run(g, options);
                Assert.True(result.Converged);
                Assert.True(PageRankVerifier.Residual(g, result.Scores, options) < 1e-10);
                Assert.True(PageRankVerifier.Verify(g, result, options, 1e-10));
            }
        });
    }

    [Fact]
    public void PageRankVerifier_PerturbedScores_ResidualClearlyAboveTolerance()
    {
        var list = EdgeLists.Of(6, (0, 1), (0, 2), (2, 0), (2, 1), (2, 4), (3, 4), (3, 5), (4, 3), (4, 5), (5, 3));
        var g = list.Build();
        var options = new PageRankOptions();
        var result = PageRankTests.Run(g, options);
        var perturbed = (double[])result.Scores.Clone();
        perturbed[3] += 1e-4;
        perturbed[5] -= 1e-4;
        Assert.True(PageRankVerifier.Residual(g, perturbed, options) > 1e-5);
        Assert.False(PageRankVerifier.Verify(g, result with { Scores = perturbed }, options, 1e-9));
    }

    [Fact]
    public void PageRankVerifier_WrongLength_Throws()
    {
        var g = EdgeLists.Of(2, (0, 1)).Build();
        Assert.Throws<ArgumentException>(() => PageRankVerifier.Residual(g, [1.0], new PageRankOptions()));
    }
}
