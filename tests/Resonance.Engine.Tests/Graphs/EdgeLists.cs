using CsCheck;
using Resonance.Engine.Graphs;

namespace Resonance.Engine.Tests.Graphs;

/// <summary>An edge list as given to <see cref="CsrGraphBuilder.Build"/>.</summary>
public sealed record EdgeList(int NodeCount, int[] Sources, int[] Targets, float[]? Weights)
{
    public int EdgeCount => Sources.Length;

    public CsrGraph Build(int? degreeOfParallelism = null) => CsrGraphBuilder.Build(NodeCount, Sources, Targets, Weights, degreeOfParallelism);

    public override string ToString() =>
        $"n={NodeCount}, edges=[{string.Join(", ", Sources.Select((s, i) => Weights is null ? $"{s}->{Targets[i]}" : $"{s}->{Targets[i]}:{Weights[i]}"))}]";
}

/// <summary>CsCheck generators for random multigraphs (self-loops, parallel edges and dangling nodes all occur).</summary>
public static class EdgeLists
{
    public static Gen<EdgeList> Random(int maxNodes, int maxEdges, bool weighted) =>
        from n in Gen.Int[1, maxNodes]
        from m in Gen.Int[0, maxEdges]
        from sources in Gen.Int[0, n - 1].Array[m]
        from targets in Gen.Int[0, n - 1].Array[m]
        from weights in Gen.Int[1, 40].Select(w => w / 4f).Array[m]
        select new EdgeList(n, sources, targets, weighted ? weights : null);

    /// <summary>Builds an edge list directly from (source, target) pairs.</summary>
    public static EdgeList Of(int nodeCount, params (int Source, int Target)[] edges) =>
        new(nodeCount, edges.Select(e => e.Source).ToArray(), edges.Select(e => e.Target).ToArray(), null);
}

/// <summary>Runs a CsCheck generator over fixed seeds, so every test run sees exactly the same inputs.</summary>
/// <remarks>
/// <c>Check.Sample(seed: …)</c> only fixes the first iteration and draws the rest at random; here every iteration
/// uses <c>new PCG(1, baseSeed + i)</c>. There is no shrinking; a failure names its seed, which
/// <c>Check.Sample(gen, assert, seed: "…")</c> replays (and shrinks from).
/// </remarks>
public static class FixedSeed
{
    public static void ForAll<T>(Gen<T> gen, int count, ulong baseSeed, Action<T> assert)
    {
        for (var i = 0; i < count; i++)
        {
            var pcg = new PCG(1, baseSeed + (ulong)i);
            var seedText = pcg.ToString();
            var value = gen.Generate(pcg, null!, out _);
            try
            {
                assert(value);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"Property failed for CsCheck seed {seedText} on {value}: {e.Message}", e);
            }
        }
    }
}
