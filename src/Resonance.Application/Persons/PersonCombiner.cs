using System.Numerics;

namespace Resonance.Application.Persons;

/// <summary>Combines a person's network scores into one, counting every engaging member once (see <c>docs/scoring.md</c>,
/// section 9).</summary>
/// <remarks>
/// <para>For a set U of networks: a member whose linked accounts engaged the person on several networks of U is kept on
/// the network where their contributions are worth most points (ties: the first network by name) and taken out of the
/// others' raw scores. The combined score of U is <see cref="ScoreCombination"/> over the networks so corrected.</para>
/// <para>The person's combined score is the best over every non-empty subset U of their scored networks. Each U counts
/// every member at most once, so the best does too; and since linking a network only adds subsets, it never lowers the
/// combined score. Unlinking one takes exactly its subsets away: the result is what it would be had it never been linked.
/// Without duplicate engagers, the full set is the best (the rule never lowers), so networks are left out only when
/// counting them would cost more in duplicates than it adds.</para>
/// </remarks>
public static class PersonCombiner
{
    /// <summary>The most networks combined (2^n subsets are tried).</summary>
    public const int MaxNetworks = 16;

    /// <summary>The combined score of <paramref name="networks"/>, or null when there is none.</summary>
    public static CombinedScore? Combine(IReadOnlyList<NetworkEvidence> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        if (networks.Count == 0)
        {
            return null;
        }

        if (networks.Count > MaxNetworks)
        {
            throw new ArgumentException($"a person can combine at most {MaxNetworks} networks, not {networks.Count}.", nameof(networks));
        }

        var sorted = networks.OrderBy(n => n.Network, StringComparer.Ordinal).ToArray();
        Count? best = null;
        var all = (1 << sorted.Length) - 1;
        // Largest subsets first, so that a tie keeps more networks.
        foreach (var mask in Enumerable.Range(1, all).OrderByDescending(m => BitOperations.PopCount((uint)m)).ThenByDescending(m => m))
        {
            var count = Count.Of(sorted, mask);
            if (best is null || count.Score > best.Score)
            {
                best = count;
            }
        }

        return best!.Describe(sorted);
    }

    /// <summary>One subset of networks counted, each member once.</summary>
    private sealed record Count(int Mask, double Score, double Low, double High,
        IReadOnlyDictionary<int, (double Score, double Low, double High)> Corrected, IReadOnlyDictionary<int, List<DuplicateEngager>> Removed)
    {
        private static readonly HashSet<string> Nobody = [];

        public static Count Of(NetworkEvidence[] networks, int mask)
        {
            var members = Enumerable.Range(0, networks.Length).Where(i => (mask & (1 << i)) != 0)
                .ToDictionary(i => i, i => networks[i].Members.ToHashSet(StringComparer.Ordinal));
            var removed = members.Keys.ToDictionary(i => i, _ => new List<DuplicateEngager>());
            foreach (var member in members.Values.SelectMany(m => m).Distinct().Order(StringComparer.Ordinal))
            {
                var on = members.Where(m => m.Value.Contains(member)).Select(m => m.Key).ToList();
                if (on.Count < 2)
                {
                    continue;
                }

                var points = on.ToDictionary(i => i, i => networks[i].Without(Nobody).Score - networks[i].Without(new HashSet<string> { member }).Score);
                var kept = on.OrderByDescending(i => points[i]).ThenBy(i => i).First();
                foreach (var i in on.Where(i => i != kept))
                {
                    removed[i].Add(new DuplicateEngager(member, networks[kept].Network, points[i], points[kept]));
                }
            }

            var corrected = removed.ToDictionary(r => r.Key, r => networks[r.Key].Without(r.Value.Select(d => d.UserId).ToHashSet(StringComparer.Ordinal)));
            var parts = corrected.Values.ToList();
            return new Count(mask, ScoreCombination.Combine(parts.Select(p => p.Score)), ScoreCombination.Combine(parts.Select(p => p.Low)),
                ScoreCombination.Combine(parts.Select(p => p.High)), corrected, removed);
        }

        public CombinedScore Describe(NetworkEvidence[] networks)
        {
            var counted = Corrected.Keys.Order().ToList();
            var shares = ScoreCombination.Shares([.. counted.Select(i => Corrected[i].Score)]);
            var parts = networks.Select((n, i) =>
            {
                var own = n.Without(Nobody);
                var c = counted.IndexOf(i);
                return c < 0
                    ? new NetworkPart(n.Network, own.Score, own.Low, own.High, false, 0, 0, 0, 0, [])
                    : new NetworkPart(n.Network, own.Score, own.Low, own.High, true, Corrected[i].Score, Corrected[i].Low, Corrected[i].High, shares[c], Removed[i]);
            }).ToList();
            return new CombinedScore(Score, Low, High, parts);
        }
    }
}
