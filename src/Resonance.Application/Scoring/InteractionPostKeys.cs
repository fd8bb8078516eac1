namespace Resonance.Application.Scoring;

/// <summary>The post each interaction of a <see cref="ScoringInput"/> was on, by the post's external id, each distinct id
/// held once: what a run's topic step matches against the posts' topics without a second read of the interactions.</summary>
/// <param name="Of">Per interaction, the index in <paramref name="Keys"/> of its post's external id, or -1 for none.</param>
/// <param name="Keys">The distinct external ids, in order of first appearance.</param>
/// <remarks>O(1) per interaction to read; deterministic (indexes follow the store's row order).</remarks>
public sealed record InteractionPostKeys(int[] Of, string[] Keys)
{
    /// <summary>The external id of interaction <paramref name="i"/>'s post, or null.</summary>
    public string? this[int i] => Of[i] < 0 ? null : Keys[Of[i]];

    /// <summary>The keys as a list of post ids (or null) in interaction order, as <see cref="Topics.TopicCorpus"/> takes them.</summary>
    public IReadOnlyList<string?> AsPostIds() => new PostIdList(this);

    /// <summary>The keys behind <paramref name="postIds"/> when it came from <see cref="AsPostIds"/>, else null.</summary>
    internal static InteractionPostKeys? From(IReadOnlyList<string?> postIds) => (postIds as PostIdList)?.Keys;

    private sealed class PostIdList(InteractionPostKeys keys) : IReadOnlyList<string?>
    {
        public InteractionPostKeys Keys => keys;

        public string? this[int index] => keys[index];

        public int Count => keys.Of.Length;

        public IEnumerator<string?> GetEnumerator()
        {
            for (var i = 0; i < keys.Of.Length; i++)
            {
                yield return keys[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
