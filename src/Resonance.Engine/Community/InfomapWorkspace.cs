namespace Resonance.Engine.Community;

/// <summary>Scratch arrays for one Infomap trial, sized once for the input graph and reused at every level and
/// iteration: Leiden's workspace (module flow and size, empty-module stack, neighbour accumulators, queue) plus the
/// map equation's exit weights. About 110 bytes per node.</summary>
internal sealed class InfomapWorkspace(int n)
{
    /// <summary>The arrays shared with Leiden's local moving and aggregation: <see cref="LeidenWorkspace.ClusterWeight"/>
    /// holds each module's flow (total strength), <see cref="LeidenWorkspace.ClusterSize"/> its node count.</summary>
    public LeidenWorkspace Shared { get; } = new(n);

    /// <summary>Each module's exit weight: the weight of the level's edges with one end inside it.</summary>
    public double[] ModuleExit { get; } = new double[n];

    /// <summary>Each module's <c>plogp(q_c)</c>, the exit rate's term of the map equation.</summary>
    public double[] ExitTerm { get; } = new double[n];

    /// <summary>Each module's <c>plogp(q_c + p_c)</c>, its codebook's term of the map equation.</summary>
    public double[] ModuleTerm { get; } = new double[n];

    /// <summary>Each node's exit weight when alone: the weight of its edges at the current level.</summary>
    public double[] NodeExit { get; } = new double[n];
}
