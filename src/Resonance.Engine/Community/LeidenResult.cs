namespace Resonance.Engine.Community;

/// <summary>The partition found by <see cref="Leiden.Run"/>.</summary>
/// <param name="Membership">The community of each node, in <c>0..CommunityCount-1</c>, numbered by smallest member
/// (node 0 is in community 0, the smallest node outside it in community 1, and so on).</param>
/// <param name="CommunityCount">The number of communities, k.</param>
/// <param name="Quality">The objective's value: modularity (<see cref="Modularity.Compute"/>, NaN when the graph has no
/// edge weight) or CPM quality (<see cref="ConstantPottsModel.Compute"/>), at the options' resolution.</param>
/// <param name="Iterations">The Leiden iterations run.</param>
/// <param name="Converged">True when the last iteration left the partition unchanged (every node is then locally
/// optimal) or raised the quality by less than <see cref="LeidenOptions.Tolerance"/>; false when
/// <see cref="LeidenOptions.MaxIterations"/> stopped the run first.</param>
/// <param name="Options">The options used; <c>Options.Seed</c> is the seed.</param>
public sealed record LeidenResult(int[] Membership, int CommunityCount, double Quality, int Iterations, bool Converged, LeidenOptions Options)
{
    /// <summary>Gets the seed the run used.</summary>
    public ulong Seed => Options.Seed;
}
