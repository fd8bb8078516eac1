using Resonance.Application.Communities;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Scoring;
using Resonance.Domain;
using Resonance.Engine.Community;
using Resonance.Engine.Statistics;
using Resonance.Tests.Shared;

namespace Resonance.Application.Tests.Communities;

/// <summary>The community step of a run on real data: email-Eu-core (with its 42 departments) and CollegeMsg.</summary>
public sealed class CommunityDetectionTests
{
    private const string Email = "email-Eu-core/email-Eu-core.txt";
    private const string College = "CollegeMsg/CollegeMsg.txt";

    internal static ScoreComputation Score(ScoringInput input, int? threads = null)
    {
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 1), input.LatestTimeMs ?? 0) with { WindowDays = 100_000, BootstrapReplicates = 4 };
        return ResonanceScorer.Score(EngagementGraph.Build(input, p), p, threads, ct: TestContext.Current.CancellationToken);
    }

    internal static ScoringInput Reversed(ScoringInput i)
    {
        static T[] R<T>(T[] a) => [.. a.Reverse()];
        return new ScoringInput(R(i.ActorIds), R(i.TargetIds), R(i.Kinds), R(i.TimesMs), R(i.Weights), R(i.PostAuthorIds), R(i.PostTimesMs));
    }

    private static Dictionary<long, int> CommunityOf(CommunityDraft d) => d.Members.ToDictionary(m => m.AccountId, m => m.Community);

    [Fact]
    public void SameDataAndSeed_GiveTheSamePartition_ForAnyThreadCountAndRowOrder()
    {
        var (input, _) = ScoringInputs.FromFile(SharedData.File(College), "edgelist", InteractionKind.Reply);
        var parameters = CommunityParameters.Default(7);

        var one = CommunityDetection.Detect(Score(input, 1), parameters, TestContext.Current.CancellationToken);
        var four = CommunityDetection.Detect(Score(input, 4), parameters, TestContext.Current.CancellationToken);
        var reversed = CommunityDetection.Detect(Score(Reversed(input), 2), parameters, TestContext.Current.CancellationToken);
        var otherSeed = CommunityDetection.Detect(Score(input, 1), CommunityParameters.Default(8), TestContext.Current.CancellationToken);

        Assert.True(one.Communities.Count > 5, $"{one.Communities.Count} communities");
        Assert.Equal(one.Members, four.Members);
        Assert.Equal(one.Communities, four.Communities);
        Assert.Equal(one.Members, reversed.Members);
        Assert.Equal(one.Quality, reversed.Quality);
        // Another seed relabels the nodes and draws other choices: a different partition (this fails if the seed were ignored).
        Assert.NotEqual(one.Members, otherSeed.Members);
    }

    [Fact]
    public void Communities_AreNumberedBySize_AndEachScoredMemberIsRankedByRawScoreWithinItsCommunity()
    {
        var (input, _) = ScoringInputs.FromFile(SharedData.File(College), "edgelist", InteractionKind.Reply);
        var computation = Score(input);
        var d = CommunityDetection.Detect(computation, CommunityParameters.Default(1), TestContext.Current.CancellationToken);
        var raw = Enumerable.Range(0, computation.Graph.NodeCount).ToDictionary(v => computation.Graph.AccountIds[v], v => computation.Raw[v]);

        Assert.Equal(computation.Graph.NodeCount, d.Communities.Sum(c => c.Size));
        Assert.Equal(computation.Engaged.Count(e => e), d.Members.Count);
        Assert.Equal(Enumerable.Range(1, d.Communities.Count), d.Communities.Select(c => c.Id));
        Assert.True(d.Communities.Zip(d.Communities.Skip(1)).All(p => p.First.Size >= p.Second.Size));
        foreach (var group in d.Members.GroupBy(m => m.Community))
        {
            var ordered = group.OrderBy(m => m.Rank).ToList();
            Assert.Equal(Enumerable.Range(1, ordered.Count), ordered.Select(m => m.Rank));
            Assert.Equal(d.Communities[group.Key - 1].Scored, ordered.Count);
            Assert.True(ordered.Zip(ordered.Skip(1)).All(p => raw[p.First.AccountId] >= raw[p.Second.AccountId]), $"community {group.Key} is out of raw order");
        }

        Assert.Contains(d.Members, m => m.Centrality > 0);
    }

    [Fact]
    public void EmailEuCore_CommunitiesOfTheRun_AreConnected_AndRecoverTheDepartmentsAsLeidenDoes()
    {
        var (input, _) = ScoringInputs.FromFile(SharedData.File(Email), "edgelist", InteractionKind.Reply);
        var computation = Score(input);
        var d = CommunityDetection.Detect(computation, CommunityParameters.Default(1), TestContext.Current.CancellationToken);
        var g = computation.Graph;
        var community = d.Membership.ToArray();

        // Every community is connected through its own members (Leiden's guarantee).
        var undirected = UndirectedGraph.FromEdges(g.NodeCount, g.Sources, g.Targets, g.EdgeWeights);
        var nmi = NormalizedMutualInformation.Compute(community, Departments(g));

        Assert.True(d.Quality > 0.40, $"modularity {d.Quality:F4}");
        Assert.InRange(nmi, 0.55, 1.0);
        Assert.All(d.Communities, c => Assert.True(Connected(undirected, [.. Enumerable.Range(0, g.NodeCount).Where(v => community[v] == c.Id)], community),
            $"community {c.Id} is not connected"));
    }

    /// <summary>Each node's department in email-Eu-core's ground truth.</summary>
    internal static int[] Departments(EngagementGraph g)
    {
        var departments = File.ReadLines(SharedData.File("email-Eu-core/email-Eu-core-department-labels.txt"))
            .Select(l => l.Split(' ')).ToDictionary(p => long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p => int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        return [.. g.AccountIds.Select(a => departments[a])];
    }

    /// <summary>Whether every node of <paramref name="nodes"/> is reachable from the first through nodes of its community.</summary>
    private static bool Connected(UndirectedGraph g, int[] nodes, int[] community)
    {
        var c = community[nodes[0]];
        var seen = new HashSet<int> { nodes[0] };
        var queue = new Queue<int>(seen);
        while (queue.TryDequeue(out var v))
        {
            foreach (var u in g.Neighbors(v))
            {
                if (community[u] == c && seen.Add(u))
                {
                    queue.Enqueue(u);
                }
            }
        }

        return nodes.All(seen.Contains);
    }
}
