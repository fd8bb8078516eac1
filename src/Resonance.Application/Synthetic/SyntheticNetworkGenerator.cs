namespace Resonance.Application.Synthetic;

/// <summary>Generates a realistic, fully deterministic synthetic social network with planted integrity cases and a known answer key.</summary>
/// <remarks>
/// <para>
/// Model. People are split into bots, follow-back farm accounts and humans. Humans form communities whose sizes follow a
/// Zipf law with lognormal noise (a few large, many small), each talking about 1–3 of twelve built-in topics
/// (<see cref="SyntheticVocabulary.Topics"/>) and living in one time zone. Every human has a lognormal popularity ("fitness"),
/// activity, quality and posting rate, so followers, posts and engagement are all heavy-tailed. The follow graph is mostly
/// within communities, picked by fitness, with a share of cross-community follows (see <c>SyntheticFollowGraph</c>).
/// Posts mix topic keywords and hashtags; engagement (likes, reposts, replies, quotes) comes mostly from followers, more to
/// popular and high-quality authors and to on-topic posts, after lognormal delays; reposts spread a post one step further;
/// some posts mention a followed account. Replies, quotes and reposts are also emitted as posts that reference the original.
/// </para>
/// <para>
/// Planted cases (all listed in <see cref="GroundTruth"/>): bots (bursty, tens of unselective actions a day on random
/// recent posts, near-duplicate spam, mass following); one engagement pod (mutual follows, likes within minutes on nearly
/// every member post, frequent replies and reposts); a follow-back farm (dense mutual follows, every farm account follows a
/// hub, mass-follows people and follows back quickly); and topic experts, the hidden gems: low popularity, a tight following
/// of 8–20 community members, posts mostly on one topic, and on that topic repeated, independent engagement from that
/// loyal circle and little from anyone else (<c>resonance-synthetic/3</c>; in <c>/2</c>, still produced with
/// <see cref="SyntheticOptions.Version"/> = 2, ten times the usual engagement from everyone). Each expert's
/// posts on its topic are about a niche under it (a leaf topic, <see cref="SyntheticNiches"/>) that its circle and a few
/// people elsewhere on the topic also write about (<c>SyntheticNicheVoices</c>; only post texts depend on it).
/// </para>
/// <para>
/// Direction. Interactions read "actor acted on target": a like has the liker as actor and the post's author as target, and
/// its PostId is the liked post. Mentions have no PostId (the mentioning post is the actor's, not the target's).
/// </para>
/// <para>
/// Time. All records fall in [Start, Start + Days). Follows are released over the whole window (bots and farm accounts in
/// bursts, follow-backs minutes or hours after the follow), while engagement is drawn from the complete follow graph:
/// the window observes an existing network, so a follow may be recorded after engagement along the same edge.
/// </para>
/// <para>
/// Complexity. O(n + m log d) to build the population and follow graph (n people, m follow edges, d mean degree), then
/// O(records) to stream, with memory O(n + m) (about 8 bytes per follow edge) plus at most four days of pending events.
/// Single-threaded by design: determinism comes first and the generator is not the bottleneck of an import.
/// </para>
/// <para>
/// Determinism. The same options give the same record sequence, and therefore the same bytes once written. Every
/// random choice comes from <c>Xoshiro256StarStar</c> streams derived with <c>SplitMix64.Derive(seed, k)</c> per purpose,
/// per account or per day, never from <see cref="System.Random"/>, the clock or hash-set order. Sampling uses
/// <see cref="Math.Log(double)"/>, <see cref="Math.Exp"/> and friends, whose last bit could differ between platforms, so
/// the exact sequence is guaranteed on one platform and .NET version, and equal in distribution elsewhere.
/// </para>
/// </remarks>
public static class SyntheticNetworkGenerator
{
    /// <summary>Validates the options, builds the population, follow graph and answer key, and returns the lazily streamed dataset.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="SyntheticOptions.Validate"/>).</exception>
    public static SyntheticDataset Generate(SyntheticOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var population = SyntheticPopulation.Build(options);
        var clock = new SyntheticFollowClock(options, population);
        var graph = SyntheticFollowGraph.Build(options, population, clock);
        return new SyntheticDataset(options, population.ToTruth(options), graph.EdgeCount,
            () => new SyntheticSimulation(options, population, graph, clock).Run());
    }
}
