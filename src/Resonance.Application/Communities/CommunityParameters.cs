using Resonance.Engine.Community;

namespace Resonance.Application.Communities;

/// <summary>How a run's communities were found: the method, its parameters and its seed, recorded in the run's
/// parameters so that the partition can be recomputed bit for bit from the same data.</summary>
/// <remarks>The community step is versioned on its own (<see cref="Method"/>), beside the scoring version: it reads the
/// engagement graph and the raw scores but never changes a score, so every scoring version can carry it. A change of
/// what it computes is a new method version; runs saved before communities existed have none (null in
/// <see cref="Scoring.ScoringParameters.Communities"/>).</remarks>
public sealed record CommunityParameters
{
    /// <summary>The current method: Leiden on the undirected engagement graph (docs/communities.md).</summary>
    public const string CurrentMethod = "leiden@1";

    /// <summary>The method and its version.</summary>
    public string Method { get; init; } = CurrentMethod;

    /// <summary>The quality maximised: <c>modularity</c> or <c>cpm</c>.</summary>
    public string Objective { get; init; } = "modularity";

    /// <summary>The resolution γ (1: classic modularity; docs/communities.md says why it is fixed rather than chosen per run).</summary>
    public double Resolution { get; init; } = 1.0;

    /// <summary>The refinement's randomness θ (<see cref="LeidenOptions.Randomness"/>).</summary>
    public double Randomness { get; init; } = 0.01;

    /// <summary>The convergence tolerance (<see cref="LeidenOptions.Tolerance"/>).</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>The iteration cap (<see cref="LeidenOptions.MaxIterations"/>).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>The seed of the node relabelling and of every random choice Leiden makes.</summary>
    public ulong Seed { get; init; } = LeidenOptions.DefaultSeed;

    /// <summary>The defaults of <see cref="CurrentMethod"/> with <paramref name="seed"/>.</summary>
    public static CommunityParameters Default(ulong seed) => new() { Seed = seed };

    /// <summary>The Leiden options these parameters stand for.</summary>
    /// <exception cref="ArgumentException">The method or objective is not known.</exception>
    public LeidenOptions ToLeidenOptions()
    {
        if (Method != CurrentMethod)
        {
            throw new ArgumentException($"unknown community method '{Method}'; known: {CurrentMethod}.");
        }

        var objective = Objective switch
        {
            "modularity" => LeidenObjective.Modularity,
            "cpm" => LeidenObjective.Cpm,
            _ => throw new ArgumentException($"unknown community objective '{Objective}'; known: modularity, cpm."),
        };
        var options = new LeidenOptions
        {
            Objective = objective, Resolution = Resolution, Randomness = Randomness, Tolerance = Tolerance, MaxIterations = MaxIterations, Seed = Seed,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"Invalid community parameter: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        return options;
    }
}
