namespace Resonance.Engine.Centrality;

/// <summary>The outcome of <see cref="PageRank.Run"/>.</summary>
/// <param name="Scores">One score per node; non-negative and summing to 1 (up to rounding). The array belongs to the caller.</param>
/// <param name="Iterations">The number of power iterations performed.</param>
/// <param name="Converged">True when the L1 change fell below <see cref="PageRankOptions.Tolerance"/> before
/// <see cref="PageRankOptions.MaxIterations"/> was reached. Non-convergence is reported here, not thrown.</param>
/// <param name="Residual">The L1 change of the score vector in the last iteration (0 for an empty graph).</param>
/// <param name="Options">The options the run used.</param>
public sealed record PageRankResult(double[] Scores, int Iterations, bool Converged, double Residual, PageRankOptions Options);
