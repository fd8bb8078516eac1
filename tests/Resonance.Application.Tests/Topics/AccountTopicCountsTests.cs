using CsCheck;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Synthetic;
using Resonance.Application.Topics;
using Resonance.Domain;

namespace Resonance.Application.Tests.Topics;

/// <summary><see cref="AccountTopicCounts"/> (flat arrays, dense ranks, a mark array per thread) against the per-account
/// strings and hash sets of <see cref="AccountTopics.ForAll"/> with details, on small random corpora built to hit what
/// the flat path must get right: an engager of several posts and topics (counted once per topic), an account whose
/// topics share engagers (a mark left by the previous topic must not count), nested topics (a post counts for its
/// topic's ancestors), reposts taking their original's topics, a post listed twice, self-engagement, engagement with
/// someone else's post, interactions on no post or an unknown one, and account ids dense or spread over the whole range
/// of longs (the two ways of <see cref="DenseRanks"/>).</summary>
public class AccountTopicCountsTests
{
    private const long T0 = 1_700_000_000_000;

    // Hashtags of nested topics (a child and its parent both counted) and of unrelated ones, and one the taxonomy lacks.
    private static readonly string[] Tags = [.. new[] { "football", "soccer", "nba", "python", "rustlang", "javascript", "ai", "bitcoin" }
        .Where(t => TopicTaxonomy.BuiltIn.ForHashtag(t).Count > 0).Append("nosuchtopictag")];

    private static readonly Gen<(int Author, int Key, int[] Tags, int RepostOf)> PostRow =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, Tags.Length - 1].Array[0, 3], Gen.Int[-1, 23]);

    private static readonly Gen<(int Actor, int Target, int Post, int Weight)> InteractionRow =
        Gen.Select(Gen.Int[0, 7], Gen.Int[-4, 7], Gen.Int[-2, 23], Gen.Int[0, 4]);

    [Fact]
    public void Counts_AreThoseOfTheDetailedRows_BitForBit_OnRandomCorpora()
    {
        Gen.Select(PostRow.Array[1, 24], InteractionRow.Array[0, 120], Gen.Bool).Sample((posts, interactions, spread) =>
        {
            var corpus = Corpus(posts, interactions, spread);
            var index = new PostTopicIndex(corpus.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn));

            var fast = AccountTopicCounts.TryForAll(corpus, index);

            Assert.NotNull(fast); // post ids are per author: none collide
            Assert.Equal(AccountTopics.ForAll(corpus, index).Select(Counts), fast.Select(Counts));
        }, iter: 400);
    }

    /// <remarks>Real data: the default synthetic sample's corpus, where accounts have many topics and their engagers overlap.
    /// The posts passed as another list (not the one the index was built from) take the path that looks each post's slot up by id.</remarks>
    [Fact]
    public void Counts_AreThoseOfTheDetailedRows_OnTheSyntheticSample_WithOrWithoutThePostsTheIndexWasBuiltFrom()
    {
        var (corpus, _) = TopicCorpora.FromRecords(SyntheticSample.Default.Records);
        var index = new PostTopicIndex(corpus.Posts, new TopicExtractor(TopicTaxonomy.BuiltIn));
        var detailed = AccountTopics.ForAll(corpus, index).Select(Counts).ToList();

        Assert.NotNull(index.SlotsOf(corpus.Posts));
        var copy = corpus with { Posts = [.. corpus.Posts] };
        Assert.Null(index.SlotsOf(copy.Posts));
        foreach (var c in new[] { corpus, copy })
        {
            var rows = AccountTopicCounts.TryForAll(c, index);
            Assert.NotNull(rows);
            Assert.Equal(detailed, rows.Select(Counts));
        }

        // The sample is one where the distinct count matters: engagers repeat within and across an account's topics.
        var first = AccountTopics.ForAll(corpus, index, details: false).Where(r => r.Topic.Engagers > 1).ToList();
        Assert.NotEmpty(first);
        Assert.Contains(first, r => r.Topic.Engagements > r.Topic.Engagers);
    }

    [Fact]
    public void DenseRanks_ArePositionsAmongTheSortedDistinctIds_ForDenseAndSpreadIds()
    {
        var dense = Gen.Long[-50, 50].Array[0, 200];
        var spread = Gen.OneOf(Gen.Long, Gen.Const(long.MinValue), Gen.Const(long.MaxValue), Gen.Long[-3, 3]).Array[0, 200];
        Gen.OneOf(dense, spread).Sample(ids =>
        {
            var (distinct, rankOf) = DenseRanks.Of(ids);

            Assert.Equal(ids.Distinct().Order(), distinct);
            Assert.Equal(ids.Select(id => Array.IndexOf(distinct, id)), rankOf);
        }, iter: 500);
    }

    private static TopicCorpus Corpus((int Author, int Key, int[] Tags, int RepostOf)[] posts, (int Actor, int Target, int Post, int Weight)[] interactions,
        bool spread)
    {
        // Accounts 0..7 as store ids: 1..8, or spread from near long.MinValue to near long.MaxValue.
        long Id(int account) => spread ? long.MinValue + 1 + (account * (long.MaxValue / 4)) : account + 1;
        static string PostId(int author, int key) => $"p{author}-{key}";

        var topicPosts = posts.Select((p, n) => new TopicPost(Id(p.Author), PostId(p.Author, p.Key), T0 + n,
            p.RepostOf >= 0 && p.Tags.Length == 0 ? null : "text", [.. p.Tags.Select(t => Tags[t])],
            p.RepostOf >= 0 ? PostId(p.RepostOf / 4, p.RepostOf % 4) : null)).ToList();
        // Target < 0: the author of the post (the case that counts), else anyone's.
        var input = new ScoringInput([.. interactions.Select(i => Id(i.Actor))], [.. interactions.Select(i => Id(i.Target < 0 && i.Post >= 0 ? i.Post / 4 : Math.Abs(i.Target)))],
            [.. interactions.Select(_ => InteractionKind.Like)], [.. interactions.Select((_, n) => T0 + n)],
            [.. interactions.Select(i => i.Weight * 0.7)], [], []);
        // Post -2: none; -1: one no post has; else author Post / 4's post Post % 4 (whoever the target is).
        var postIds = interactions.Select(i => i.Post switch { -2 => null, -1 => "unknown", _ => PostId(i.Post / 4, i.Post % 4) }).ToList();
        return new TopicCorpus(input, postIds, topicPosts).Validate();
    }

    private static string Counts(AccountTopicRow r) => $"{r.AccountId} {r.Position} {r.Topic.Topic} {r.Topic.Posts} {r.Topic.Engagements:R} {r.Topic.Engagers}";
}
