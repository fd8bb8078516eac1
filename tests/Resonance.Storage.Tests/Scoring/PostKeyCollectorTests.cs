using System.Text;
using CsCheck;
using Resonance.Storage.Scoring;
using Resonance.Tests.Shared;

namespace Resonance.Storage.Tests.Scoring;

/// <summary>The run's load collects each interaction's post key on its UTF-8 bytes (<see cref="PostKeyCollector"/>) and its
/// columns in chunks (<see cref="ChunkedColumn{T}"/>): both must give what the plain computation gives, a dictionary of the
/// key strings indexed in order of first appearance and a list.</summary>
public sealed class PostKeyCollectorTests
{
    [Fact]
    public void Collect_RealIdsWithRepeats_GivesEachRowItsKeyAndEachDistinctKeyOnceInOrderOfFirstAppearance()
    {
        // Account ids of the Twitter URL cascades, each named by several cascades: thousands of distinct keys (the table
        // grows many times) and many repeats, in the file's order; every tenth row has no post.
        var rows = File.ReadLines(SharedData.File("twitter-url-cascades-2010/cascades.txt")).Take(300)
            .SelectMany(line => line.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(entry => entry.Split(' ')[0]))
            .Select((id, i) => i % 10 == 9 ? "" : id).ToArray();
        Assert.True(rows.Length > 20_000);

        AssertAsReference(rows, viaBytes: true);
        AssertAsReference(rows, viaBytes: false);
    }

    [Fact]
    public void Collect_GeneratedKeys_AsTheDictionaryOfStrings()
    {
        // Short keys over a few letters, some outside ASCII (2, 3 and 4 UTF-8 bytes), so that many repeat and many differ
        // only in their last bytes; up to a few thousand rows, past the table's first growths.
        var key = Gen.OneOfConst('a', 'b', 'é', '€', '0').Array[0, 6].Select(c => new string(c))
            .SelectMany(s => Gen.Bool.Select(emoji => emoji && s.Length > 0 ? s + "😀" : s));
        key.Array[0, 3000].Sample(rows =>
        {
            AssertAsReference(rows, viaBytes: true);
            AssertAsReference(rows, viaBytes: false);
        }, iter: 60);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ChunkedColumn<long>.ChunkLength - 1)]
    [InlineData(ChunkedColumn<long>.ChunkLength)]
    [InlineData(ChunkedColumn<long>.ChunkLength + 1)]
    [InlineData(3 * ChunkedColumn<long>.ChunkLength + 17)]
    public void ChunkedColumn_ToArray_IsTheValuesInOrder(int count)
    {
        var values = Enumerable.Range(0, count).Select(i => (long)i * 7919 % 100_003 - 50_000).ToArray();
        var column = new ChunkedColumn<long>();
        foreach (var v in values)
        {
            column.Add(v);
        }

        Assert.Equal(count, column.Count);
        Assert.Equal(values, column.ToArray());
    }

    private static void AssertAsReference(IReadOnlyList<string> rows, bool viaBytes)
    {
        var collector = new PostKeyCollector();
        foreach (var row in rows)
        {
            if (viaBytes)
            {
                collector.Add(Encoding.UTF8.GetBytes(row));
            }
            else
            {
                collector.Add(row);
            }
        }

        var keys = collector.Build();

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var expectedOf = rows.Select(r => r.Length == 0 ? -1 : index.TryGetValue(r, out var i) ? i : index[r] = index.Count).ToArray();
        Assert.Equal(expectedOf, keys.Of);
        Assert.Equal(index.OrderBy(kv => kv.Value).Select(kv => kv.Key), keys.Keys);
        Assert.Equal(rows.Select(r => r.Length == 0 ? null : r), keys.AsPostIds());
    }
}
