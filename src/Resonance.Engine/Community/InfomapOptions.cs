namespace Resonance.Engine.Community;

/// <summary>Options for <see cref="Infomap.Run"/>.</summary>
public sealed record InfomapOptions
{
    /// <summary>The default seed: a fixed constant, so that runs are reproducible unless a seed is chosen.</summary>
    public const ulong DefaultSeed = 0x5EED_1AF0;

    /// <summary>Gets the number of independent trials, each from the singleton partition with its own random streams; the
    /// partition with the shortest codelength wins (ties: the earliest trial). Default 10, igraph's default (the Infomap
    /// program's is 1).</summary>
    public int Trials { get; init; } = 10;

    /// <summary>Gets the maximum number of iterations per trial: the first optimises from singletons (local moving, then
    /// aggregation, level after level); each further one starts again from single nodes with the previous partition
    /// (Infomap's fine-tuning). Default 10.</summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>Gets the relative tolerance: a trial stops once an iteration lowers the codelength by less than this
    /// share of it. Default 1e-5, the Infomap program's tune-iteration threshold.</summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>Gets the seed of every random choice (node orders in every trial). Default <see cref="DefaultSeed"/>.</summary>
    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>Gets how many trials may run at once (default: all cores). It never changes the result: each trial has its
    /// own streams and the winner is chosen in trial order.</summary>
    public int? DegreeOfParallelism { get; init; }

    /// <summary>Throws if an option is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Trials, 1, nameof(Trials));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIterations, 1, nameof(MaxIterations));
        if (!(Tolerance >= 0) || double.IsInfinity(Tolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, $"Tolerance must be finite and non-negative, but it is {Tolerance}.");
        }

        if (DegreeOfParallelism is { } threads)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(DegreeOfParallelism));
        }
    }
}
