namespace Resonance.Engine.Community;

/// <summary>The partition found by <see cref="Infomap.Run"/>.</summary>
/// <param name="Membership">The community of each node, in <c>0..CommunityCount-1</c>, numbered by smallest member
/// (node 0 is in community 0, the smallest node outside it in community 1, and so on).</param>
/// <param name="CommunityCount">The number of communities, k.</param>
/// <param name="Codelength">The two-level codelength of the partition in bits (<see cref="MapEquation.Codelength"/>).</param>
/// <param name="OneLevelCodelength">The codelength of the one-module partition (<see cref="MapEquation.OneLevelCodelength"/>),
/// for comparison: the modules describe the walk better by <c>OneLevelCodelength − Codelength</c> bits per step.</param>
/// <param name="TrialCodelengths">Each trial's codelength, after its modules were split into connected parts.</param>
/// <param name="BestTrial">The trial whose partition was kept (0-based), or −1 when the connected components were kept.</param>
/// <param name="Options">The options used; <c>Options.Seed</c> is the seed.</param>
public sealed record InfomapResult(int[] Membership, int CommunityCount, double Codelength, double OneLevelCodelength, double[] TrialCodelengths, int BestTrial, InfomapOptions Options)
{
    /// <summary>Gets the seed the run used.</summary>
    public ulong Seed => Options.Seed;
}
