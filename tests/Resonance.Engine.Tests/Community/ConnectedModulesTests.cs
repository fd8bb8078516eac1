using Resonance.Engine.Community;

namespace Resonance.Engine.Tests.Community;

public sealed class ConnectedModulesTests
{
    [Fact]
    public void Split_CommunityHeldTogetherByAnOutsideNode_IsCutIntoItsParts()
    {
        // Path 0 - 1 - 2 - 3 - 4 with {0, 1, 3, 4} in one community and 2 outside: the community has two parts.
        var g = UndirectedGraph.FromEdges(5, [0, 1, 2, 3], [1, 2, 3, 4]);
        var split = ConnectedModules.Split(g, [7, 7, 9, 7, 7]);

        Assert.Equal([0, 0, 1, 2, 2], split);
        Assert.Empty(CommunityChecks.DisconnectedCommunities(g, split));
    }

    [Fact]
    public void Split_ConnectedCommunitiesAndIsolatedNodes_KeepsThePartition()
    {
        var g = MapEquationTests.TwoTriangles();
        Assert.Equal([0, 0, 0, 1, 1, 1], ConnectedModules.Split(g, [5, 5, 5, 2, 2, 2]));
        Assert.Equal([0, 1, 2], ConnectedModules.Split(UndirectedGraph.FromEdges(3, [], []), [0, 0, 0]));
    }
}
