using CsCheck;
using Resonance.Application.Topics;

namespace Resonance.Application.Tests.Topics;

/// <summary><see cref="AccountNodeLookup"/> gives what a binary search of the ascending ids gives, by table (dense ids) or by
/// search (sparse ones).</summary>
public sealed class AccountNodeLookupTests
{
    [Fact]
    public void ForDenseAndSparseIds_TheNodeIsTheBinarySearchs_OrMinusOne()
    {
        // Steps of 1–3 give a table; steps up to 10^15 (and negative ids) a search.
        var ids = Gen.Select(Gen.Long[-1_000, 1_000], Gen.Long[1, 3], Gen.Long[1, 1_000_000_000_000_000], Gen.Bool, Gen.Int[0, 300])
            .Select(r =>
            {
                var (start, small, large, dense, n) = r;
                var result = new long[n];
                for (var i = 0; i < n; i++)
                {
                    result[i] = i == 0 ? start : result[i - 1] + (dense ? small : large / (i + 1) + 1);
                }

                return result;
            });
        Gen.Select(ids, Gen.Long.Array[0, 50]).Sample((sorted, extra) =>
        {
            var lookup = new AccountNodeLookup(sorted);
            foreach (var id in sorted.Concat(extra).Concat(sorted.Select(x => x + 1)).Concat(sorted.Select(x => x - 1)).Append(long.MinValue).Append(long.MaxValue))
            {
                var expected = Array.BinarySearch(sorted, id);
                Assert.Equal(expected >= 0 ? expected : -1, lookup.NodeOf(id));
            }
        }, iter: 2_000);
    }
}
