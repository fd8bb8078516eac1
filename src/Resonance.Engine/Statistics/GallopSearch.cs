namespace Resonance.Engine.Statistics;

/// <summary>A predicate over 0..count − 1 that is false up to some index and true from there on (monotone).</summary>
public interface IMonotonePredicate
{
    /// <summary>Whether the predicate holds at <paramref name="index"/>.</summary>
    bool Holds(int index);
}

/// <summary>The first index at which a monotone predicate holds, found by galloping from a guess, then bisecting.</summary>
/// <remarks>
/// <para>Method: exponential (galloping) search from <c>guess</c> (Bentley &amp; Yao, "An almost optimal algorithm for
/// unbounded searching", Information Processing Letters 5(3):82–87, 1976): steps of 1, 2, 4, … up while the predicate
/// fails, or down while it holds, bracket the answer as low &lt; answer ≤ high, then a bisection closes the bracket.</para>
/// <para>Complexity: O(log d) evaluations for an answer d indices from the guess. No allocation: the predicate is a
/// (ref) struct passed by reference, so calls are direct and can be inlined. Deterministic: the evaluations depend only on
/// the guess, the count and the predicate's values.</para>
/// </remarks>
public static class GallopSearch
{
    /// <summary>The first i in [0, <paramref name="count"/>) where <paramref name="predicate"/> holds, or
    /// <paramref name="count"/> when it holds nowhere, searched from <paramref name="guess"/> (clamped to [0, count]).</summary>
    public static int FirstTrue<TPredicate>(int guess, int count, ref TPredicate predicate)
        where TPredicate : IMonotonePredicate, allows ref struct
    {
        // Find low < answer ≤ high (low = −1 and high = count are sentinels), then bisect.
        int low, high;
        guess = Math.Clamp(guess, 0, count);
        if (guess < count && !predicate.Holds(guess))
        {
            (low, high) = (guess, guess + 1);
            for (var step = 1; high < count && !predicate.Holds(high); step *= 2)
            {
                low = high;
                high = Math.Min(count, high + step);
            }
        }
        else
        {
            (low, high) = (guess - 1, guess);
            for (var step = 1; low >= 0 && predicate.Holds(low); step *= 2)
            {
                high = low;
                low = Math.Max(-1, low - step);
            }
        }

        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (predicate.Holds(mid))
            {
                high = mid;
            }
            else
            {
                low = mid;
            }
        }

        return high;
    }
}
