namespace Resonance.Engine.Trust;

/// <summary>Options for <see cref="SybilRank.Run"/>.</summary>
public sealed record SybilRankOptions
{
    /// <summary>Gets the trusted seed nodes: at least one, distinct, each in <c>[0, n)</c> (the range is checked by
    /// <see cref="SybilRank.Run"/>). The total trust is split evenly over the seeds that have an edge.</summary>
    public required int[] Seeds { get; init; }

    /// <summary>Gets the number of power iterations; null (the default) means ⌈log₂ n⌉, the early termination of
    /// SybilRank (0 for n ≤ 1). Zero returns the seed distribution itself. Must be non-negative.</summary>
    public int? Iterations { get; init; }

    /// <summary>Gets the total trust T spread over the seeds. Default 1; must be finite and positive. Scores scale
    /// linearly with it, so it matters only for readability (the paper uses the node count).</summary>
    public double TotalTrust { get; init; } = 1.0;

    /// <summary>Gets a value indicating whether each node splits its trust in proportion to edge weight (the graph must
    /// be weighted, with finite non-negative weights) and degrees are weight sums. Default false: every edge counts once.
    /// Undirected, a pair with edges both ways is one edge whose weight is the sum of both directions.</summary>
    public bool Weighted { get; init; }

    /// <summary>Gets the direction trust may flow. Default <see cref="TrustDirection.Undirected"/> (the paper).</summary>
    public TrustDirection Direction { get; init; } = TrustDirection.Undirected;

    /// <summary>Gets the number of threads to use; null (the default) means <see cref="Environment.ProcessorCount"/>.
    /// Results are bit-identical for every value.</summary>
    public int? DegreeOfParallelism { get; init; }

    /// <summary>Checks every option that does not depend on the graph.</summary>
    /// <exception cref="ArgumentNullException"><see cref="Seeds"/> is null.</exception>
    /// <exception cref="ArgumentException"><see cref="Seeds"/> is empty, or names a node twice.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A seed is negative, or another option is out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Seeds, nameof(Seeds));
        if (Seeds.Length == 0)
        {
            throw new ArgumentException("SybilRank needs at least one trusted seed, but Seeds is empty.", nameof(Seeds));
        }

        var sorted = (int[])Seeds.Clone();
        Array.Sort(sorted);
        if (sorted[0] < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Seeds), sorted[0], $"Seed node ids must be non-negative, but one is {sorted[0]}.");
        }

        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] == sorted[i - 1])
            {
                throw new ArgumentException($"Seed node {sorted[i]} is listed more than once; seeds must be distinct.", nameof(Seeds));
            }
        }

        if (Iterations is { } k)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(k, nameof(Iterations));
        }

        if (!(TotalTrust > 0) || double.IsInfinity(TotalTrust))
        {
            throw new ArgumentOutOfRangeException(nameof(TotalTrust), TotalTrust, $"TotalTrust must be finite and positive, but it is {TotalTrust}.");
        }

        if (!Enum.IsDefined(Direction))
        {
            throw new ArgumentOutOfRangeException(nameof(Direction), Direction, $"Direction {(int)Direction} is not a TrustDirection.");
        }

        if (DegreeOfParallelism is { } dop)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(dop, 1, nameof(DegreeOfParallelism));
        }
    }
}
