namespace Resonance.Engine.Community;

/// <summary>Options for <see cref="Leiden.Run"/>.</summary>
public sealed record LeidenOptions
{
    /// <summary>The default seed: a fixed constant, so that runs are reproducible unless a seed is chosen.</summary>
    public const ulong DefaultSeed = 0x5EED_1E1D;

    /// <summary>Gets the quality function to maximise. Default <see cref="LeidenObjective.Modularity"/>.</summary>
    public LeidenObjective Objective { get; init; } = LeidenObjective.Modularity;

    /// <summary>Gets the resolution γ: higher values give more, smaller communities. Default 1 (classic modularity).
    /// For <see cref="LeidenObjective.Cpm"/> it is a density in edge-weight units, and 1 is rarely what you want.</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>Gets the randomness θ of the refinement: a node joins a sub-community with probability ∝ exp(ΔH/θ), where
    /// ΔH is the gain in edge-weight units (as igraph's β). Default 0.01, igraph's default and the paper's value; with
    /// integer weights it makes the choice greedy among clearly different gains and random among near-ties. 0 means
    /// strictly greedy (first candidate on ties).</summary>
    public double Randomness { get; init; } = 0.01;

    /// <summary>Gets the maximum number of Leiden iterations (each one local moving, refinement and aggregation until
    /// nothing is left to aggregate, started from the previous result). Default 100; igraph's default is 2, and its −1
    /// means "until stable".</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Gets the convergence tolerance: the run stops, with <see cref="LeidenResult.Converged"/> set, once an
    /// iteration leaves the partition unchanged or raises the quality per unit of edge weight (ΔQ for modularity, ΔH/m
    /// for CPM) by less than this. Default 1e-3 (see <see cref="Leiden"/> for why); 0 runs until the partition is
    /// stable.</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>Gets the seed of every random choice (node orders and refinement draws). Default <see cref="DefaultSeed"/>.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Gets how many communities the refinement may split at once (default: all cores, on levels large enough to
    /// gain; 1 runs it on the calling thread). It never changes the result: each community draws from its own stream and writes its own slice of the
    /// workspace (<see cref="Leiden"/>).</summary>
    public int? DegreeOfParallelism { get; init; }

    /// <summary>Throws if an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Objective))
        {
            throw new ArgumentOutOfRangeException(nameof(Objective), Objective, $"Objective {Objective} is not a known objective.");
        }

        if (!(Resolution >= 0) || double.IsInfinity(Resolution))
        {
            throw new ArgumentOutOfRangeException(nameof(Resolution), Resolution, $"Resolution must be finite and non-negative, but it is {Resolution}.");
        }

        if (!(Randomness >= 0) || double.IsInfinity(Randomness))
        {
            throw new ArgumentOutOfRangeException(nameof(Randomness), Randomness, $"Randomness must be finite and non-negative, but it is {Randomness}.");
        }

        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, $"Tolerance must be finite and non-negative, but it is {Tolerance}.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        if (DegreeOfParallelism is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(DegreeOfParallelism));
        }
    }
}
