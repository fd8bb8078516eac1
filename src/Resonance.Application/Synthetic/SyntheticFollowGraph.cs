using System.Runtime.InteropServices;
using Resonance.Engine.Randomness;

namespace Resonance.Application.Synthetic;

/// <summary>The complete follow graph of a synthetic network as two compact CSR arrays: whom each account follows, and who follows it.</summary>
/// <remarks>
/// Method: every human draws a lognormal out-degree (mean <see cref="SyntheticOptions.MeanFollowing"/>) and picks targets by
/// fitness (a lognormal popularity weight, σ = 1.4, which gives a heavy-tailed in-degree like preferential attachment does):
/// from their own community with probability 1 − <see cref="SyntheticOptions.CrossCommunityFollowFraction"/>, else from all
/// humans. Bots mass-follow a mix of popular and random accounts; farm accounts follow fellow farm accounts, the hub and many
/// random people. Planted edges are then added: farm follow-backs, people following a farm account back (half of whom also
/// follow the hub, which inflates its follower count), the pod's complete mutual
/// follows, and each expert's tight circle (the circle follows the expert and, often, each other).
/// Each actor's targets are sorted by follow time (<see cref="SyntheticFollowClock"/>), so the day-by-day simulation emits them
/// by advancing one cursor per actor; followers are sorted by account.
/// Complexity: O(n + m log d) time; 8 bytes per edge plus O(n) (the organic edges are kept once more while merging).
/// Determinism: each actor uses its own stream <see cref="SplitMix64.Derive"/>(seed, actor), independent of order.
/// </remarks>
internal sealed class SyntheticFollowGraph
{
    private SyntheticFollowGraph(int[] outOffsets, int[] outTargets, int[] inOffsets, int[] inSources)
    {
        OutOffsets = outOffsets;
        OutTargets = outTargets;
        InOffsets = inOffsets;
        InSources = inSources;
    }

    /// <summary>n + 1 offsets into <see cref="OutTargets"/>.</summary>
    public int[] OutOffsets { get; }
    /// <summary>Followed accounts, per actor in follow-time order.</summary>
    public int[] OutTargets { get; }
    /// <summary>n + 1 offsets into <see cref="InSources"/>.</summary>
    public int[] InOffsets { get; }
    /// <summary>Followers, per account in account order.</summary>
    public int[] InSources { get; }

    public long EdgeCount => OutOffsets[^1];

    public ReadOnlySpan<int> Following(int account) => OutTargets.AsSpan(OutOffsets[account], OutOffsets[account + 1] - OutOffsets[account]);

    public ReadOnlySpan<int> Followers(int account) => InSources.AsSpan(InOffsets[account], InOffsets[account + 1] - InOffsets[account]);

    public static SyntheticFollowGraph Build(SyntheticOptions o, SyntheticPopulation pop, SyntheticFollowClock clock)
    {
        var n = pop.Count;
        var graphSeed = SplitMix64.Derive(o.Seed, 10);
        var humans = pop.Humans;
        var globalAlias = new AliasTable([.. humans.Select(h => (double)pop.Fitness[h])]);
        var communityAlias = pop.CommunityMembers.Select(m => new AliasTable([.. m.Select(h => (double)pop.Fitness[h])])).ToArray();

        var estimate = (long)(humans.Length * o.MeanFollowing * 1.2) + (long)(pop.Bots.Length * o.BotFollowing) + (long)(pop.Farm.Length * (o.FarmFollowing + 40));
        var organic = new List<int>((int)Math.Min(estimate, Array.MaxLength / 2));
        var organicOffsets = new int[n + 1];
        var planted = new List<long>();
        var stamp = new int[n];
        Array.Fill(stamp, -1);
        var maxHumanDegree = Math.Min(5_000, humans.Length - 1);

        for (var a = 0; a < n; a++)
        {
            var rng = new Xoshiro256StarStar(SplitMix64.Derive(graphSeed, (ulong)a));
            stamp[a] = a;
            switch (pop.Roles[a])
            {
                case SyntheticRole.Bot:
                    {
                        var degree = (int)Math.Min(Math.Round(o.BotFollowing * Sampling.LogNormalUnitMean(ref rng, 0.5)), n / 2);
                        for (int added = 0, attempt = 0; added < degree && attempt < (3 * degree) + 10; attempt++)
                        {
                            var t = Sampling.Bernoulli(ref rng, 0.6) ? humans[globalAlias.Sample(ref rng)] : rng.NextInt(n);
                            added += TryAdd(organic, stamp, a, t) ? 1 : 0;
                        }
                        break;
                    }
                case SyntheticRole.Farm:
                    {
                        var farm = pop.Farm;
                        var partners = Math.Min(farm.Length - 1, 10 + rng.NextInt(30));
                        for (int added = 0, attempt = 0; added < partners && attempt < (3 * partners) + 10; attempt++)
                        {
                            var t = farm[rng.NextInt(farm.Length)];
                            if (TryAdd(organic, stamp, a, t))
                            {
                                added++;
                                planted.Add(Pack(t, a)); // fellow farm accounts always follow back
                            }
                        }
                        if (pop.Hub >= 0)
                        {
                            TryAdd(organic, stamp, a, pop.Hub);
                        }
                        var reach = (int)Math.Min(Math.Round(o.FarmFollowing * Sampling.LogNormalUnitMean(ref rng, 0.4)), humans.Length / 2);
                        for (int added = 0, attempt = 0; added < reach && attempt < (3 * reach) + 10; attempt++)
                        {
                            var t = humans[rng.NextInt(humans.Length)];
                            if (TryAdd(organic, stamp, a, t))
                            {
                                added++;
                                if (Sampling.Bernoulli(ref rng, o.FarmFollowBackProbability))
                                {
                                    planted.Add(Pack(t, a));
                                    if (pop.Hub >= 0 && t != pop.Hub && Sampling.Bernoulli(ref rng, 0.5))
                                    {
                                        planted.Add(Pack(t, pop.Hub)); // joined the follow train: follows its organiser too
                                    }
                                }
                            }
                        }
                        break;
                    }
                default:
                    {
                        var c = pop.CommunityOf[a];
                        var members = pop.CommunityMembers[c];
                        var degree = (int)Math.Clamp(Math.Round(o.MeanFollowing * Sampling.LogNormalUnitMean(ref rng, 1.0)), 1, maxHumanDegree);
                        for (int added = 0, attempt = 0; added < degree && attempt < (3 * degree) + 10; attempt++)
                        {
                            var t = members.Length > 1 && !Sampling.Bernoulli(ref rng, o.CrossCommunityFollowFraction)
                                ? members[communityAlias[c].Sample(ref rng)]
                                : humans[globalAlias.Sample(ref rng)];
                            added += TryAdd(organic, stamp, a, t) ? 1 : 0;
                        }
                        break;
                    }
            }
            organicOffsets[a + 1] = organic.Count;
        }

        PlantPodAndCircles(pop, planted, graphSeed);
        var plantedEdges = CollectionsMarshal.AsSpan(planted);
        plantedEdges.Sort();
        return Merge(n, CollectionsMarshal.AsSpan(organic), organicOffsets, plantedEdges, clock);
    }

    private static void PlantPodAndCircles(SyntheticPopulation pop, List<long> planted, ulong graphSeed)
    {
        foreach (var a in pop.Pod)
        {
            foreach (var b in pop.Pod)
            {
                if (a != b)
                {
                    planted.Add(Pack(a, b));
                }
            }
        }
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(graphSeed, ulong.MaxValue));
        for (var e = 0; e < pop.Experts.Length; e++)
        {
            var circle = pop.ExpertCircles[e];
            foreach (var m in circle)
            {
                planted.Add(Pack(m, pop.Experts[e]));
                foreach (var other in circle)
                {
                    if (other != m && Sampling.Bernoulli(ref rng, 0.35))
                    {
                        planted.Add(Pack(m, other));
                    }
                }
            }
        }
    }

    private static SyntheticFollowGraph Merge(int n, ReadOnlySpan<int> organic, int[] organicOffsets, ReadOnlySpan<long> planted, SyntheticFollowClock clock)
    {
        var outOffsets = new int[n + 1];
        var outTargets = new int[organic.Length + planted.Length];
        var stamp = new int[n];
        Array.Fill(stamp, -1);
        var keys = new List<long>();
        var p = 0;
        var written = 0;
        for (var a = 0; a < n; a++)
        {
            keys.Clear();
            stamp[a] = a;
            for (var i = organicOffsets[a]; i < organicOffsets[a + 1]; i++)
            {
                AddKey(keys, stamp, a, organic[i], clock);
            }
            for (; p < planted.Length && (int)(planted[p] >> 32) == a; p++)
            {
                AddKey(keys, stamp, a, (int)(planted[p] & 0xFFFFFFFF), clock);
            }
            var span = CollectionsMarshal.AsSpan(keys);
            span.Sort(); // by time, then target
            foreach (var key in span)
            {
                outTargets[written++] = (int)(key & 0xFFFFFFFF);
            }
            outOffsets[a + 1] = written;
        }

        var inOffsets = new int[n + 1];
        for (var i = 0; i < written; i++)
        {
            inOffsets[outTargets[i] + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            inOffsets[v + 1] += inOffsets[v];
        }
        var cursor = inOffsets[..n];
        var inSources = new int[written];
        for (var a = 0; a < n; a++)
        {
            for (var i = outOffsets[a]; i < outOffsets[a + 1]; i++)
            {
                inSources[cursor[outTargets[i]]++] = a;
            }
        }
        return new SyntheticFollowGraph(outOffsets, outTargets, inOffsets, inSources);
    }

    private static void AddKey(List<long> keys, int[] stamp, int actor, int target, SyntheticFollowClock clock)
    {
        if (stamp[target] != actor)
        {
            stamp[target] = actor;
            keys.Add(((long)clock.Time(actor, target) << 32) | (uint)target);
        }
    }

    private static bool TryAdd(List<int> edges, int[] stamp, int actor, int target)
    {
        if (stamp[target] == actor)
        {
            return false; // self or duplicate
        }
        stamp[target] = actor;
        edges.Add(target);
        return true;
    }

    private static long Pack(int actor, int target) => ((long)actor << 32) | (uint)target;
}
