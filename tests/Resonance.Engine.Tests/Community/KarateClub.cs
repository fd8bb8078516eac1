using Resonance.Engine.Community;

namespace Resonance.Engine.Tests.Community;

/// <summary>Zachary's karate club: 34 members, 78 friendships, and the two groups it split into.</summary>
/// <remarks>
/// Zachary (1977), "An information flow model for conflict and fission in small groups", J. Anthropol. Res. 33(4):452–473,
/// the unweighted 78-edge graph as networkx 2.8.8's <c>karate_club_graph()</c> gives it (0-based ids; the paper numbers
/// members 1–34). <see cref="MrHiClub"/> is networkx's <c>club == "Mr. Hi"</c> node attribute.
/// </remarks>
public static class KarateClub
{
    public static readonly (int U, int V)[] Edges =
    [
        (0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (0, 6), (0, 7), (0, 8), (0, 10), (0, 11), (0, 12), (0, 13), (0, 17), (0, 19),
        (0, 21), (0, 31), (1, 2), (1, 3), (1, 7), (1, 13), (1, 17), (1, 19), (1, 21), (1, 30), (2, 3), (2, 7), (2, 8), (2, 9),
        (2, 13), (2, 27), (2, 28), (2, 32), (3, 7), (3, 12), (3, 13), (4, 6), (4, 10), (5, 6), (5, 10), (5, 16), (6, 16),
        (8, 30), (8, 32), (8, 33), (9, 33), (13, 33), (14, 32), (14, 33), (15, 32), (15, 33), (18, 32), (18, 33), (19, 33),
        (20, 32), (20, 33), (22, 32), (22, 33), (23, 25), (23, 27), (23, 29), (23, 32), (23, 33), (24, 25), (24, 27), (24, 31),
        (25, 31), (26, 29), (26, 33), (27, 33), (28, 31), (28, 33), (29, 32), (29, 33), (30, 32), (30, 33), (31, 32), (31, 33),
        (32, 33),
    ];

    /// <summary>The members networkx labels <c>club == "Mr. Hi"</c>; the others are labelled "Officer".</summary>
    public static readonly int[] MrHiClub = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17, 19, 21];

    public static UndirectedGraph Graph() =>
        UndirectedGraph.FromEdges(34, Edges.Select(e => e.U).ToArray(), Edges.Select(e => e.V).ToArray());

    /// <summary>0 for Mr. Hi's club, 1 for the officer's, optionally with some members moved to the other side.</summary>
    public static int[] Split(params int[] moved)
    {
        var membership = Enumerable.Repeat(1, 34).ToArray();
        foreach (var v in MrHiClub)
        {
            membership[v] = 0;
        }

        foreach (var v in moved)
        {
            membership[v] = 1 - membership[v];
        }

        return membership;
    }
}
