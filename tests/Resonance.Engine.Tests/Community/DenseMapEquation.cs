namespace Resonance.Engine.Tests.Community;

/// <summary>A slow reference map equation from a dense symmetric adjacency matrix (<see cref="DenseQuality.Adjacency"/>),
/// written as Rosvall and Bergstrom's entropies, L = q·H(Q) + Σ_i p_i↻·H(P_i), rather than the engine's plogp expansion.</summary>
public static class DenseMapEquation
{
    public static double Codelength(double[,] a, int[] membership)
    {
        var n = membership.Length;
        var k = DenseQuality.Strengths(a, out var twoM);

        if (twoM == 0)
        {
            return 0;
        }

        var modules = membership.Distinct().ToArray();
        var exit = modules.ToDictionary(c => c, _ => 0.0);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (membership[i] != membership[j])
                {
                    exit[membership[i]] += a[i, j] / twoM;
                }
            }
        }

        var q = exit.Values.Sum();
        var length = q > 0 ? q * Entropy(exit.Values.Select(x => x / q)) : 0;
        foreach (var c in modules)
        {
            var visits = Enumerable.Range(0, n).Where(v => membership[v] == c).Select(v => k[v] / twoM).ToArray();
            var rate = exit[c] + visits.Sum();
            if (rate > 0)
            {
                length += rate * Entropy(visits.Append(exit[c]).Select(x => x / rate));
            }
        }

        return length;
    }

    private static double Entropy(IEnumerable<double> probabilities) => -probabilities.Where(p => p > 0).Sum(p => p * Math.Log2(p));
}
