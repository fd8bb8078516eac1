using System.Globalization;
using CsCheck;
using Resonance.Application.Integrity;
using Resonance.Application.Integrity.Signals;
using Resonance.Application.Scoring;
using Resonance.Application.Tests.Scoring;
using Resonance.Application.Tests.Synthetic;
using Resonance.Domain;
using Resonance.Engine.Graphs;
using Resonance.Engine.Trust;

namespace Resonance.Application.Tests.Integrity;

/// <summary>The fast paths of the integrity model give what the plain ones gave: the activity log built straight from
/// the scoring input's arrays equals the log built from records, and endorsement trust equals a plain reference
/// implementation, bit for bit (resonance@2's results must not move).</summary>
public sealed class IntegrityLogTests
{
    [Fact]
    public void The_log_from_scoring_arrays_equals_the_log_from_records()
    {
        var (input, _) = ScoringInputs.FromRecords(SyntheticSample.Default.Records);
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), input.LatestTimeMs!.Value) with { WindowDays = 60 };
        var kept = IntegrityWeights.WithoutFollowBacks(input, EngagementGraph.Kept(input, p));
        long[] extra = [(1L << 62) + 999_999, 7];

        var fast = IntegrityWeights.Log(input, kept, extra, p);
        var plain = PlainLog(input, kept, extra, p);

        Assert.True(fast.PostAuthors.Length > 1000 && fast.InteractionCount > 10_000);
        Assert.Equal(plain.AccountIds, fast.AccountIds);
        Assert.Equal(plain.Actors, fast.Actors);
        Assert.Equal(plain.Targets, fast.Targets);
        Assert.Equal(plain.Kinds, fast.Kinds);
        Assert.Equal(plain.TimesMs, fast.TimesMs);
        Assert.Equal(plain.PostIndices, fast.PostIndices);
        Assert.Equal(plain.PostAuthors, fast.PostAuthors);
        Assert.Equal(plain.PostTimesMs, fast.PostTimesMs);
        Assert.Equal(plain.PostIsOriginal, fast.PostIsOriginal);
        Assert.Equal(plain.ActorStart, fast.ActorStart);
    }

    [Fact]
    public void The_log_with_post_texts_equals_the_log_from_records_and_finds_the_same_near_duplicates()
    {
        var records = SyntheticSample.Default.Records;
        var (input, externalIds) = RecordInput.Build(records, withTexts: true);
        var p = ScoringAlgorithms.Defaults(new AlgorithmId("resonance", 2), input.LatestTimeMs!.Value) with { WindowDays = 36_500 };
        var kept = EngagementGraph.Kept(input, p);

        var fast = IntegrityWeights.Log(input, kept, [], p);
        var plain = PlainLog(input, kept, [], p);

        Assert.Contains(fast.PostIsOriginal, o => !o);
        Assert.True(fast.PostTexts.Count(t => t is not null) > 1000);
        Assert.Equal(plain.PostAuthors, fast.PostAuthors);
        Assert.Equal(plain.PostTimesMs, fast.PostTimesMs);
        Assert.Equal(plain.PostTexts, fast.PostTexts);
        Assert.Equal(plain.PostIsOriginal, fast.PostIsOriginal);

        // The signal a run reads equals the one read from the records themselves (DetectionQuality's), account by account.
        var run = new NearDuplicateSignal().Compute(fast);
        var fromRecords = ActivityLog.FromRecords(records);
        var direct = new NearDuplicateSignal().Compute(fromRecords);
        var byName = fromRecords.AccountIds.Select((id, a) => (id, a)).ToDictionary(x => x.id, x => x.a, StringComparer.Ordinal);
        var compared = 0;
        for (var a = 0; a < fast.AccountCount; a++)
        {
            if (byName.TryGetValue(externalIds[long.Parse(fast.AccountIds[a], CultureInfo.InvariantCulture)], out var b))
            {
                Assert.Equal(direct.Values[b], run.Values[a]);
                compared++;
            }
        }
        Assert.True(compared > 1000 && run.Scores.Count(s => s == 1) >= SyntheticSample.Default.Truth.Bots.Count);
    }

    [Fact]
    public void Ordinal_order_of_ids_without_strings_equals_sorting_their_strings()
    {
        var id = Gen.OneOf(Gen.Long[0, 2_000], Gen.Long[0, long.MaxValue], Gen.Int[0, 18].Select(e => (long)Math.Pow(10, e)),
            Gen.Int[1, 18].Select(e => (long)Math.Pow(10, e) - 1), Gen.Const(long.MaxValue));
        id.Array[0, 200].Select(a => a.Distinct().ToArray()).Sample(ids =>
        {
            var expected = Enumerable.Range(0, ids.Length).OrderBy(k => ids[k].ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, IntegrityWeights.OrdinalOrder(ids));
        }, iter: 2_000);
    }

    [Fact]
    public void Endorsement_trust_equals_the_plain_reference()
    {
        var log = ActivityLog.FromRecords(SyntheticSample.Default.Records);

        var fast = EndorsementTrust.Compute(log);

        var weights = new SortedDictionary<(int, int), int>();
        for (var i = 0; i < log.InteractionCount; i++)
        {
            if (log.Kinds[i] is InteractionKind.Repost or InteractionKind.Quote)
            {
                weights[(log.Actors[i], log.Targets[i])] = weights.GetValueOrDefault((log.Actors[i], log.Targets[i])) + 1;
            }
        }
        var endorsers = new int[log.AccountCount];
        foreach (var ((_, t), _) in weights)
        {
            endorsers[t]++;
        }
        var seeds = Enumerable.Range(0, log.AccountCount).OrderByDescending(v => endorsers[v]).ThenBy(v => v).Take(EndorsementTrust.DefaultSeeds).ToArray();
        var graph = CsrGraphBuilder.Build(log.AccountCount, [.. weights.Keys.Select(k => k.Item1)], [.. weights.Keys.Select(k => k.Item2)], [.. weights.Values.Select(w => (float)w)]);
        var plain = SybilRank.Run(graph, new SybilRankOptions { Seeds = seeds, Weighted = true, Direction = TrustDirection.Forward }, TestContext.Current.CancellationToken).Scores;

        Assert.Equal(plain, fast);
    }

    /// <summary>The log as resonance@2 first built it: a record per interaction and post, then <see cref="ActivityLog.Build"/>.</summary>
    private static ActivityLog PlainLog(ScoringInput input, IReadOnlyList<int> kept, IEnumerable<long> accountIds, ScoringParameters p)
    {
        static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
        var interactions = kept.Select(i => new Interaction("", input.TimesMs[i] == ScoringInput.Untimed ? null : DateTimeOffset.FromUnixTimeMilliseconds(input.TimesMs[i]),
            Id(input.ActorIds[i]), Id(input.TargetIds[i]), input.Kinds[i])).ToList();
        var t = input.Texts;
        var (authors, times) = t is null ? (input.PostAuthorIds, input.PostTimesMs) : (t.AuthorIds, t.CreatedMs);
        var posts = Enumerable.Range(0, authors.Length).Where(k => times[k] >= p.WindowStartMs && times[k] <= p.AsOfMs)
            .Select(k => new Post("", k.ToString(CultureInfo.InvariantCulture), Id(authors[k]), DateTimeOffset.FromUnixTimeMilliseconds(times[k]), t?.Texts[k],
                ReplyToPostId: t is null || t.IsOriginal[k] ? null : "a reply, quote or repost")).ToList();
        return ActivityLog.Build(accountIds.Select(Id), posts, interactions);
    }
}
