namespace Resonance.Engine.Centrality;

/// <summary>Options for <see cref="PageRank.Run"/>.</summary>
public sealed record PageRankOptions
{
    /// <summary>Gets the damping factor d, the probability of following an edge rather than teleporting. Default 0.85; must lie in [0, 1).</summary>
    public double Damping { get; init; } = 0.85;

    /// <summary>Gets the convergence threshold on the L1 change of the score vector between two iterations. Default 1e-10;
    /// must be finite and non-negative. Zero never converges, so exactly <see cref="MaxIterations"/> iterations run
    /// (a fixed-iteration benchmark, as GAPBS does).</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Gets the iteration cap; reaching it gives a result with <c>Converged = false</c>. Default 100; must be at least 1.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Gets a value indicating whether to split each node's mass in proportion to its out-edge weights
    /// (the graph must be weighted, with finite non-negative weights). Default false: every out-edge counts once.</summary>
    public bool Weighted { get; init; }

    /// <summary>Gets the teleport vector, one non-negative entry per node; it is normalised to sum 1. Null (the
    /// default) means uniform. Dangling nodes also spread their mass by this vector.</summary>
    public double[]? Personalization { get; init; }

    /// <summary>Gets a value indicating whether the per-node contributions x[u]/W(u) that every iteration gathers are
    /// stored, and summed per node, as <see cref="float"/> instead of <see cref="double"/> (as GAPBS does). Scores, the
    /// teleport term and the reductions stay double. Halving the gathered array keeps more of it in cache: R-MAT scale
    /// 22, 20 iterations, 2 threads, relabelled by degree: 2.39 → 1.87 s. The price is precision: scores agree with the
    /// double kernel to about 1e-7 in L1 on R-MAT scale 22 (the per-node float sums lose more on nodes with many
    /// in-edges), not 1e-14, so the default is false. Deterministic either way.</summary>
    public bool SingleContributions { get; init; }

    /// <summary>Gets a value indicating whether to relabel the graph by descending out-degree
    /// (<see cref="Graphs.DegreeOrdering"/>) before iterating, for cache locality, and map the scores back to the
    /// original ids. Default false (see the remarks of <see cref="PageRank"/> for the measurement behind it).
    /// Relabelled results are still bit-identical for every <see cref="DegreeOfParallelism"/>, but differ from the
    /// unrelabelled ones in the last bits, because the dangling mass, the residual and the chunking are summed in
    /// another node order (and, with a tolerance, the iteration count can therefore differ by one).</summary>
    public bool Relabel { get; init; }

    /// <summary>Gets the number of threads to use; null (the default) means <see cref="Environment.ProcessorCount"/>.
    /// Results are bit-identical for every value.</summary>
    public int? DegreeOfParallelism { get; init; }

    /// <summary>Checks every option that does not depend on the graph.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="ArgumentException">The personalization vector has a negative or non-finite entry, or sums to zero.</exception>
    public void Validate()
    {
        if (!(Damping >= 0 && Damping < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Damping), Damping, $"Damping must lie in [0, 1), but it is {Damping}.");
        }

        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, $"Tolerance must be finite and non-negative, but it is {Tolerance}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        if (DegreeOfParallelism is { } dop)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dop, 1, nameof(DegreeOfParallelism));
        }

        if (Personalization is { } p)
        {
            var sum = 0.0;
            for (var i = 0; i < p.Length; i++)
            {
                if (!(p[i] >= 0) || double.IsInfinity(p[i]))
                {
                    throw new ArgumentException($"Personalization[{i}] is {p[i]}; entries must be finite and non-negative.", nameof(Personalization));
                }

                sum += p[i];
            }

            if (p.Length > 0 && !(sum > 0))
            {
                throw new ArgumentException("Personalization sums to zero; at least one entry must be positive.", nameof(Personalization));
            }
        }
    }
}
