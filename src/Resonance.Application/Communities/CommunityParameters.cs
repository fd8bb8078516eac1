using Resonance.Engine.Community;

namespace Resonance.Application.Communities;

/// <summary>How a run's communities were found: the method, its parameters and its seed, recorded in the run's
/// parameters so that the partition can be recomputed bit for bit from the same data.</summary>
/// <remarks>The community step is versioned on its own (<see cref="Method"/>), beside the scoring version: it reads the
/// engagement graph and the raw scores but never changes a score, so every scoring version can carry it. A change of
/// what it computes is a new method version; runs saved before communities existed have none (null in
/// <see cref="Scoring.ScoringParameters.Communities"/>). Two methods exist: <see cref="LeidenMethod"/> (the default) and
/// <see cref="InfomapMethod"/>; the parameters a method does not use are null.</remarks>
public sealed record CommunityParameters
{
    /// <summary>Leiden maximising modularity on the undirected engagement graph (docs/communities.md); the default.</summary>
    public const string LeidenMethod = "leiden@1";

    /// <summary>Infomap minimising the two-level map equation on the undirected engagement graph (docs/communities.md).</summary>
    public const string InfomapMethod = "infomap@1";

    /// <summary>The method of a run that asks for communities without naming one.</summary>
    public const string CurrentMethod = LeidenMethod;

    /// <summary>The method and its version.</summary>
    public string Method { get; init; } = CurrentMethod;

    /// <summary>The quality optimised: <c>modularity</c> or <c>cpm</c> (Leiden), <c>map-equation</c> (Infomap).</summary>
    public string Objective { get; init; } = "modularity";

    /// <summary>Leiden's resolution γ (1: classic modularity; docs/communities.md says why it is fixed rather than chosen
    /// per run); null for Infomap, which has none.</summary>
    public double? Resolution { get; init; } = 1.0;

    /// <summary>Leiden's refinement randomness θ (<see cref="LeidenOptions.Randomness"/>); null for Infomap.</summary>
    public double? Randomness { get; init; } = 0.01;

    /// <summary>The convergence tolerance (<see cref="LeidenOptions.Tolerance"/>, <see cref="InfomapOptions.Tolerance"/>).</summary>
    public double Tolerance { get; init; } = 1e-3;

    /// <summary>The iteration cap (<see cref="LeidenOptions.MaxIterations"/>, <see cref="InfomapOptions.MaxIterations"/>).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Infomap's independent trials (<see cref="InfomapOptions.Trials"/>); null for Leiden.</summary>
    public int? Trials { get; init; }

    /// <summary>The seed of the node relabelling and of every random choice the method makes.</summary>
    public ulong Seed { get; init; } = LeidenOptions.DefaultSeed;

    /// <summary>The defaults of <see cref="CurrentMethod"/> with <paramref name="seed"/>.</summary>
    public static CommunityParameters Default(ulong seed) => new() { Seed = seed };

    /// <summary>The defaults of <see cref="InfomapMethod"/> with <paramref name="seed"/>: one trial (the engine's default
    /// of 10 costs ten times as much for a shorter codelength by about 0.01%; docs/communities.md), up to 10 iterations,
    /// relative tolerance 10⁻⁵.</summary>
    public static CommunityParameters Infomap(ulong seed)
    {
        var defaults = new InfomapOptions();
        return new()
        {
            Method = InfomapMethod, Objective = "map-equation", Resolution = null, Randomness = null, Tolerance = defaults.Tolerance,
            MaxIterations = defaults.MaxIterations, Trials = 1, Seed = seed,
        };
    }

    /// <summary>The defaults of the method named <paramref name="name"/> (<c>leiden</c> or <c>infomap</c>, with or without
    /// its version) with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentException">The method is not known.</exception>
    public static CommunityParameters ForMethod(string name, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "leiden" or LeidenMethod => Default(seed),
            "infomap" or InfomapMethod => Infomap(seed),
            _ => throw new ArgumentException($"unknown community method '{name}'; known: leiden ({LeidenMethod}), infomap ({InfomapMethod})."),
        };
    }

    /// <summary>Throws unless the method is known and its parameters are in range.</summary>
    /// <exception cref="ArgumentException">The method or objective is not known, or a parameter is out of range.</exception>
    public void Validate()
    {
        if (Method == InfomapMethod)
        {
            _ = ToInfomapOptions(null);
        }
        else
        {
            _ = ToLeidenOptions();
        }
    }

    /// <summary>The Leiden options these parameters stand for.</summary>
    /// <exception cref="ArgumentException">The method is not <see cref="LeidenMethod"/>, the objective is not known, or a
    /// parameter is out of range.</exception>
    public LeidenOptions ToLeidenOptions()
    {
        if (Method != LeidenMethod)
        {
            throw new ArgumentException($"unknown community method '{Method}' for Leiden; known: {LeidenMethod}.");
        }

        var objective = Objective switch
        {
            "modularity" => LeidenObjective.Modularity,
            "cpm" => LeidenObjective.Cpm,
            _ => throw new ArgumentException($"unknown community objective '{Objective}'; known: modularity, cpm."),
        };
        var options = new LeidenOptions
        {
            Objective = objective, Resolution = Resolution ?? 1.0, Randomness = Randomness ?? 0.01, Tolerance = Tolerance, MaxIterations = MaxIterations, Seed = Seed,
        };
        return Checked(options, o => o.Validate());
    }

    /// <summary>The Infomap options these parameters stand for, with <paramref name="threads"/> trials at once (never a
    /// change of the result).</summary>
    /// <exception cref="ArgumentException">The method is not <see cref="InfomapMethod"/>, or a parameter is out of range.</exception>
    public InfomapOptions ToInfomapOptions(int? threads)
    {
        if (Method != InfomapMethod || Objective != "map-equation")
        {
            throw new ArgumentException($"community method '{Method}' with objective '{Objective}' is not Infomap; known: {InfomapMethod} with map-equation.");
        }

        var options = new InfomapOptions
        {
            Trials = Trials ?? new InfomapOptions().Trials, MaxIterations = MaxIterations, Tolerance = Tolerance, Seed = Seed, DegreeOfParallelism = threads,
        };
        return Checked(options, o => o.Validate());
    }

    private static T Checked<T>(T options, Action<T> validate)
    {
        try
        {
            validate(options);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"Invalid community parameter: {e.Message.Split(" (Parameter", 2)[0]}");
        }

        return options;
    }
}
