using System.Collections.Concurrent;
using Resonance.Application.Scoring;
using Resonance.Engine.Randomness;
using Resonance.Engine.Statistics;

namespace Resonance.Application.Topics;

/// <summary>topic-share@1 and @2: every topic's scores derived from the main run's computation, without scoring a graph per topic.</summary>
/// <remarks>
/// <para>Method: each engager u's contribution to v in the main run (reach, amplification and network-impact parts) is
/// split by f_T(u,v), the share of u's decayed engagement with v (the pair's engagement count: Σ decay over its
/// interactions, follows and mentions included) that went to v's posts about T or a descendant (a repost takes the
/// topics of the post it reposts). v's raw topic score is the sum of those shares, so the explanation stays exact: the
/// per-engager lines add up to it (no prior term: it belongs to no engager and no topic). u's standing as an engager is
/// the one it has in the whole network, as in TwitterRank (Weng, Lim, Jiang and He, WSDM 2010), where the walk per
/// topic runs on the global follower graph weighted by topical similarity; topic-sensitive PageRank (Haveliwala, WWW
/// 2002) biases a global walk the same way. The 1–100 scale is calibrated among the accounts with a topic raw score
/// above 0, and the interval comes from the main run's own Poisson bootstrap: replicate b gives every pair the
/// multiplicity k_b(u,v) the main run gave it, so the topic replicate is Σ k_b(u,v)·f_T(u,v)·contribution(u,v). How the
/// main run drew k_b depends on its version, so the method does too: topic-share@1 draws from the stream
/// <c>SplitMix64.Derive(seed, b)</c> in pair order, as resonance@1–@6 do; topic-share@2 from a hash of (that stream, the
/// pair's account ids), as resonance@7 does (<see cref="LeaveOneOutScores.Multiplicity"/>). Each is the main run's draw only
/// under the versions it belongs to (<see cref="TopicParameters.MethodFor"/>): topic-share@1 on a resonance@7 run (as
/// such runs recorded before topic-share@2) is a bootstrap of its own, and its stored numbers stay as they are.</para>
/// <para>Needs a run without integrity defences (resonance@2 multiplies each pair by a weight the graph does not keep,
/// so its engagement counts are not sums of decays; such runs use topic-filtered@1).</para>
/// <para>Complexity: O(n + m_T log d) for n interactions and the m_T (interaction, topic) rows on posts, d the most rows of
/// one pair (rows bucketed by pair, entries by topic: counting sorts), plus O(B·(m + E)) for B replicates over m pairs and
/// E (pair, topic) entries (topic-share@2 draws only the m_E ≤ m pairs with an entry: O(B·(m_E + E)) + O(m)), and O(S·B log B) for the intervals of the S (topic, account) slots (each sorts its B replicate raws and maps the four the interval reads). Determinism: every (topic, pair) sum is over its decays sorted, entries are by (topic, pair),
/// each replicate writes only its own slot, so the result is bit-identical for any thread count and any corpus order.</para>
/// </remarks>
public static class TopicShareScoring
{
    /// <summary>Every topic's ranking (by topic name, ordinal) derived from <paramref name="main"/>, the run's computation
    /// over the same window as <paramref name="corpus"/>.</summary>
    /// <param name="main">The main run's computation (its graph, contributions and fitted parameters).</param>
    /// <param name="corpus">The window's interactions on posts, with their post ids.</param>
    /// <param name="index">The posts' topics.</param>
    /// <param name="method"><see cref="TopicParameters.ShareMethod"/> or <see cref="TopicParameters.PairKeyedShareMethod"/>; null
    /// for the one a run of <paramref name="main"/>'s version records (<see cref="TopicParameters.MethodFor"/>).</param>
    /// <param name="intervals">False to skip the bootstrap (the interval is then the point score).</param>
    /// <param name="contributions">False to leave <see cref="TopicRanking.Contributions"/> empty (a run's own step: they are
    /// derived on read for one account by <see cref="TopicShareOnRead"/>, the same numbers bit for bit).</param>
    /// <param name="degreeOfParallelism">Threads; never changes the result.</param>
    /// <param name="ct">Cancellation.</param>
    public static IReadOnlyList<TopicRanking> Score(ScoreComputation main, TopicCorpus corpus, PostTopicIndex index, string? method = null,
        bool intervals = true, bool contributions = true, int? degreeOfParallelism = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(index);
        method ??= TopicParameters.MethodFor(main.Parameters);
        if (!TopicParameters.IsShare(method))
        {
            throw new ArgumentException($"{method} is not a topic-share method ({TopicParameters.ShareMethod}, {TopicParameters.PairKeyedShareMethod}).", nameof(method));
        }

        var g = main.Graph;
        if (g.EngagerWeights is not null)
        {
            throw new ArgumentException($"{TopicParameters.ShareMethod} needs a run without integrity defences; {main.Parameters.Algorithm} has them.");
        }

        var (topics, entries) = Entries(main, corpus, index);
        if (entries.Length == 0)
        {
            return []; // nobody engaged on a post about a topic (Higgs has no posts): no bootstrap to draw
        }

        var p = main.Parameters;
        var rankings = new TopicRanking[topics.Length];
        var slots = Slots(g, entries, topics.Length);
        var raw = new double[slots.Count];
        var reach = new double[slots.Count];
        var amplification = new double[slots.Count];
        var impact = new double[slots.Count];
        foreach (var x in entries)
        {
            var s = slots.Of[x.Index];
            raw[s] += x.Reach + x.Amplification + x.Impact;
            reach[s] += x.Reach;
            amplification[s] += x.Amplification;
            impact[s] += x.Impact;
        }

        var calibration = new QuantileCalibration[topics.Length];
        var score = new double[slots.Count];
        for (var t = 0; t < topics.Length; t++)
        {
            var engaged = raw.AsSpan(slots.Start[t], slots.Start[t + 1] - slots.Start[t]).ToArray().Where(r => r > 0).ToArray();
            calibration[t] = new QuantileCalibration(engaged.Length > 0 ? [.. QuantileCalibration.Fit(engaged, p.CalibrationQuantiles).Quantiles] : [0.0, 0.0]);
            for (var s = slots.Start[t]; s < slots.Start[t + 1]; s++)
            {
                score[s] = raw[s] > 0 ? calibration[t].Score(raw[s]) : 1;
            }
        }

        var (low, high) = intervals
            ? Intervals(main, method == TopicParameters.PairKeyedShareMethod, entries, slots, raw, score, calibration, degreeOfParallelism, ct)
            : ((double[])score.Clone(), (double[])score.Clone());
        for (var t = 0; t < topics.Length; t++)
        {
            var order = Enumerable.Range(slots.Start[t], slots.Start[t + 1] - slots.Start[t]).Where(s => raw[s] > 0).ToArray();
            Array.Sort(order, (a, b) =>
            {
                var r = raw[b].CompareTo(raw[a]);
                return r != 0 ? r : g.AccountIds[slots.Node[a]].CompareTo(g.AccountIds[slots.Node[b]]);
            });
            var scores = new AccountScore[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                var s = order[i];
                scores[i] = new AccountScore(g.AccountIds[slots.Node[s]], i + 1, score[s], low[s], high[s], raw[s], 0, reach[s],
                    Per(amplification[s], p.AmplificationWeight), Per(impact[s], p.ImpactWeight));
            }

            var lines = new List<ScoreContribution>(contributions ? slots.EntryStart[t + 1] - slots.EntryStart[t] : 0);
            for (var x = slots.EntryStart[t]; contributions && x < slots.EntryStart[t + 1]; x++)
            {
                var entry = entries[x];
                if (raw[slots.Of[x]] > 0)
                {
                    lines.Add(new ScoreContribution(g.AccountIds[g.Targets[entry.Pair]], g.AccountIds[g.Sources[entry.Pair]], entry.Reach,
                        entry.Amplification, entry.Impact));
                }
            }

            rankings[t] = new TopicRanking(topics[t], scores, lines);
        }

        return rankings;
    }

    /// <summary>Replicate <paramref name="b"/>'s multiplicity of every pair: by account pair (<paramref name="pairKeys"/>, from
    /// <see cref="AccountPairKeys"/>; topic-share@2, as resonance@7 draws) or, when null, one Poisson(1) per pair in pair order from
    /// the replicate's stream (topic-share@1, as resonance@1–@6 draw).</summary>
    internal static void Draw(ulong seed, int b, ulong[]? pairKeys, int[] multiplier)
    {
        var stream = SplitMix64.Derive(seed, (ulong)b);
        if (pairKeys is null)
        {
            var rng = new Xoshiro256StarStar(stream);
            Sampling.FillPoisson(ref rng, 1.0, multiplier);
            return;
        }

        for (var e = 0; e < pairKeys.Length; e++)
        {
            multiplier[e] = LeaveOneOutScores.Multiplicity(stream, pairKeys[e]);
        }
    }

    /// <summary>The entries grouped by pair: <see cref="Pairs"/> are the distinct pairs with an entry, ascending; pair i's
    /// entries (by topic) have slots and totals (reach + amplification + impact) at [<see cref="Start"/>[i], <see cref="Start"/>[i + 1]).</summary>
    private sealed record PairEntries(int[] Pairs, int[] Start, int[] Slot, double[] Total);

    /// <summary>The entries (by topic, then pair) regrouped by pair by a counting sort, each pair's in entry order: O(m + E).</summary>
    private static PairEntries ByPair(Entry[] entries, SlotMap slots, int pairCount)
    {
        var first = new int[pairCount + 1];
        foreach (var x in entries)
        {
            first[x.Pair + 1]++;
        }

        var distinct = 0;
        for (var e = 0; e < pairCount; e++)
        {
            distinct += first[e + 1] > 0 ? 1 : 0;
            first[e + 1] += first[e];
        }

        var pairs = new int[distinct];
        var start = new int[distinct + 1];
        var i = 0;
        for (var e = 0; e < pairCount; e++)
        {
            if (first[e + 1] > first[e])
            {
                pairs[i] = e;
                start[++i] = first[e + 1];
            }
        }

        var slot = GC.AllocateUninitializedArray<int>(entries.Length);
        var total = GC.AllocateUninitializedArray<double>(entries.Length);
        for (var x = 0; x < entries.Length; x++)
        {
            var at = first[entries[x].Pair]++;
            slot[at] = slots.Of[x];
            total[at] = entries[x].Reach + entries[x].Amplification + entries[x].Impact;
        }

        return new PairEntries(pairs, start, slot, total);
    }

    /// <summary>Every pair's <see cref="LeaveOneOutScores.PairKey"/>, from its accounts' ids.</summary>
    internal static ulong[] AccountPairKeys(EngagementGraph g)
    {
        var keys = new ulong[g.PairCount];
        for (var e = 0; e < keys.Length; e++)
        {
            keys[e] = LeaveOneOutScores.PairKey(g.AccountIds[g.Sources[e]], g.AccountIds[g.Targets[e]]);
        }

        return keys;
    }

    /// <summary>A sub-score's sum of contributions back in its own units (0 when the version weights it 0).</summary>
    private static double Per(double contribution, double weight) => weight > 0 ? contribution / weight : 0;

    /// <summary>One (pair, topic) entry: the pair's contribution parts times its share on the topic.</summary>
    private readonly record struct Entry(int Index, int Topic, int Pair, double Reach, double Amplification, double Impact);

    /// <summary>The topics anyone engaged on (ordinal order) and the (pair, topic) entries, by topic then pair.</summary>
    /// <remarks>O(m + E + m_T log d) for m interactions, E pairs and m_T (interaction, topic) rows, d the most rows of one pair:
    /// rows are bucketed by pair (counting sort), each pair's few rows sorted by topic, and the entries bucketed by topic
    /// in pair order. Each (topic, pair) sum is <see cref="Share"/> of the same set of decays as a sort of all rows by
    /// (topic, pair) gives, so the entries are the same, bit for bit.</remarks>
    private static (string[] Topics, Entry[] Entries) Entries(ScoreComputation main, TopicCorpus corpus, PostTopicIndex index)
    {
        var g = main.Graph;
        var input = corpus.Input;
        var p = main.Parameters;
        var decayOf = NodeDecays(g, p);
        var slots = index.InteractionSlots(corpus);
        var names = index.TopicNames;

        // The topics of the posts any interaction names, in ordinal order (ids are ordinal already): dense ids 0..T-1.
        var dense = new int[names.Length];
        var seen = new bool[index.SlotCount];
        foreach (var slot in slots)
        {
            if (slot >= 0 && !seen[slot])
            {
                seen[slot] = true;
                foreach (var t in index.TopicIdsOf(slot))
                {
                    dense[t] = 1;
                }
            }
        }

        var topics = new List<string>();
        for (var t = 0; t < names.Length; t++)
        {
            dense[t] = dense[t] == 0 ? -1 : topics.Count;
            if (dense[t] >= 0)
            {
                topics.Add(names[t]);
            }
        }

        // Pairs are sorted by (source, target): firstPair[u]..firstPair[u + 1] are u's, by target.
        var firstPair = new int[g.NodeCount + 1];
        foreach (var u in g.Sources)
        {
            firstPair[u + 1]++;
        }

        for (var u = 0; u < g.NodeCount; u++)
        {
            firstPair[u + 1] += firstPair[u];
        }

        // The rows: each in-window interaction on a post about any topic, once per topic, bucketed by pair.
        // Written before read (decayAt only for rows on a pair): not zeroed first.
        var pairOf = GC.AllocateUninitializedArray<int>(input.InteractionCount);
        var decayAt = GC.AllocateUninitializedArray<double>(input.InteractionCount);
        var rowsOfPair = new int[g.PairCount + 1];
        var nodes = new AccountNodeLookup(g.AccountIds);
        for (var i = 0; i < input.InteractionCount; i++)
        {
            pairOf[i] = -1;
            var about = index.TopicIdsOf(slots[i]);
            var time = input.TimesMs[i];
            var inWindow = time == ScoringInput.Untimed || (time >= p.WindowStartMs && time <= p.AsOfMs);
            if (about.Length == 0 || !inWindow || input.ActorIds[i] == input.TargetIds[i] || !(input.Weights[i] > 0))
            {
                continue;
            }

            var u = nodes.NodeOf(input.ActorIds[i]);
            var v = nodes.NodeOf(input.TargetIds[i]);
            var e = u < 0 || v < 0 ? -1 : Array.BinarySearch(g.Targets, firstPair[u], firstPair[u + 1] - firstPair[u], v);
            if (e < 0)
            {
                continue;
            }

            pairOf[i] = e;
            decayAt[i] = time == ScoringInput.Untimed ? 1.0 : decayOf[v].Decay(p.AsOfMs - time);
            rowsOfPair[e + 1] += about.Length;
        }

        for (var e = 0; e < g.PairCount; e++)
        {
            rowsOfPair[e + 1] += rowsOfPair[e];
        }

        var rowTopic = GC.AllocateUninitializedArray<int>(rowsOfPair[g.PairCount]);
        var rowDecay = GC.AllocateUninitializedArray<double>(rowTopic.Length);
        var next = rowsOfPair[..^1];
        for (var i = 0; i < input.InteractionCount; i++)
        {
            if (pairOf[i] is var e and >= 0)
            {
                foreach (var t in index.TopicIdsOf(slots[i]))
                {
                    rowTopic[next[e]] = dense[t];
                    rowDecay[next[e]++] = decayAt[i];
                }
            }
        }

        // Per pair (ascending), its rows sorted by topic; a first pass counts each topic's entries, so that the second writes
        // every entry straight to its place: by topic, then pair.
        var entryStart = new int[topics.Count + 1];
        for (var e = 0; e < g.PairCount; e++)
        {
            var (from, to) = (rowsOfPair[e], rowsOfPair[e + 1]);
            if (to - from > 1)
            {
                Array.Sort(rowTopic, rowDecay, from, to - from);
            }

            for (var r = from; r < to; r++)
            {
                if (r == from || rowTopic[r] != rowTopic[r - 1])
                {
                    entryStart[rowTopic[r] + 1]++;
                }
            }
        }

        for (var t = 0; t < topics.Count; t++)
        {
            entryStart[t + 1] += entryStart[t];
        }

        var entries = new Entry[entryStart[topics.Count]];
        var at = entryStart[..^1];
        for (var e = 0; e < g.PairCount; e++)
        {
            for (var run = rowsOfPair[e]; run < rowsOfPair[e + 1];)
            {
                var end = run + 1;
                while (end < rowsOfPair[e + 1] && rowTopic[end] == rowTopic[run])
                {
                    end++;
                }

                var t = rowTopic[run];
                var share = Share(rowDecay.AsSpan(run, end - run), g.EngagementCounts[e]);
                entries[at[t]] = new Entry(at[t], t, e, share * main.ReachContribution[e], share * main.AmplificationContribution[e],
                    share * main.ImpactContribution[e]);
                at[t]++;
                run = end;
            }
        }

        return ([.. topics], entries);
    }

    /// <summary>f_T(u,v): the pair's decays on posts about the topic, sorted (so the sum is a function of the set of rows)
    /// and summed, over the pair's engagement count, at most 1.</summary>
    internal static double Share(Span<double> decays, double engagementCount)
    {
        decays.Sort();
        var sum = 0.0;
        foreach (var d in decays)
        {
            sum += d;
        }

        return engagementCount > 0 ? Math.Min(1, sum / engagementCount) : 0;
    }

    /// <summary>The parameters whose decay each engaged node's pairs were built with: its rung's for a per-account tempo
    /// (resonance@5 and later, <see cref="PerAccountTempo"/>), the run's own otherwise.</summary>
    private static ScoringParameters[] NodeDecays(EngagementGraph g, ScoringParameters p)
    {
        var result = new ScoringParameters[g.NodeCount];
        Array.Fill(result, p);
        foreach (var rung in p.TempoRungs ?? [])
        {
            var at = p with { RecentHalfLifeDays = rung.HalfLifeDays };
            foreach (var id in rung.AccountIds ?? [])
            {
                var v = Array.BinarySearch(g.AccountIds, id);
                if (v >= 0)
                {
                    result[v] = at;
                }
            }
        }

        return result;
    }

    /// <summary>The parameters whose decay the pairs engaging <paramref name="accountId"/> were built with (<see cref="NodeDecays"/>):
    /// the last tempo rung that lists it, else <paramref name="p"/> itself.</summary>
    internal static ScoringParameters DecayOf(ScoringParameters p, long accountId)
    {
        var rung = p.TempoRungs?.LastOrDefault(r => r.AccountIds is { } ids && Array.BinarySearch(ids, accountId) >= 0);
        return rung is null ? p : p with { RecentHalfLifeDays = rung.HalfLifeDays };
    }

    /// <summary>The (topic, engaged node) slots: <see cref="Of"/> maps each entry to its slot; slots and entries of topic t
    /// are [<see cref="Start"/>[t], <see cref="Start"/>[t + 1]) and [<see cref="EntryStart"/>[t], <see cref="EntryStart"/>[t + 1]).</summary>
    private sealed record SlotMap(int[] Of, int[] Node, int[] Start, int[] EntryStart)
    {
        public int Count => Node.Length;
    }

    private static SlotMap Slots(EngagementGraph g, Entry[] entries, int topicCount)
    {
        var of = new int[entries.Length];
        var node = new List<int>();
        var start = new int[topicCount + 1];
        var entryStart = new int[topicCount + 1];
        var slotOf = new int[g.NodeCount];
        Array.Fill(slotOf, -1);
        var touched = new List<int>();
        var x = 0;
        for (var t = 0; t < topicCount; t++)
        {
            start[t] = node.Count;
            entryStart[t] = x;
            for (; x < entries.Length && entries[x].Topic == t; x++)
            {
                var v = g.Targets[entries[x].Pair];
                if (slotOf[v] < 0)
                {
                    slotOf[v] = node.Count;
                    node.Add(v);
                    touched.Add(v);
                }

                of[x] = slotOf[v];
            }

            foreach (var v in touched)
            {
                slotOf[v] = -1;
            }

            touched.Clear();
        }

        start[topicCount] = node.Count;
        entryStart[topicCount] = x;
        return new SlotMap(of, [.. node], start, entryStart);
    }

    private static (double[] Low, double[] High) Intervals(ScoreComputation main, bool pairKeyed, Entry[] entries, SlotMap slots, double[] raw,
        double[] score, QuantileCalibration[] calibration, int? degreeOfParallelism, CancellationToken ct)
    {
        var g = main.Graph;
        var p = main.Parameters;
        var replicates = p.BootstrapReplicates;
        var count = slots.Count;
        var topicOfSlot = new int[count];
        for (var t = 0; t + 1 < slots.Start.Length; t++)
        {
            Array.Fill(topicOfSlot, t, slots.Start[t], slots.Start[t + 1] - slots.Start[t]);
        }

        // The entries by pair (each pair's by topic), as flat arrays: a slot is one (topic, engaged node), so its entries are
        // of distinct pairs, and adding them pair by pair adds each slot's terms in the order the entries (by topic, then
        // pair) list them: the same sums, bit for bit. A replicate then draws each pair once and reads its entries in a row.
        var byPair = ByPair(entries, slots, g.PairCount);
        var drawnKeys = pairKeyed ? Array.ConvertAll(byPair.Pairs, e => LeaveOneOutScores.PairKey(g.AccountIds[g.Sources[e]], g.AccountIds[g.Targets[e]])) : null;
        // k·total is ±0 when k = 0 and the total is finite, and adding ±0 to a sum begun at +0 changes no sum.
        var skipZero = Array.TrueForAll(byPair.Total, double.IsFinite);
        var raws = new double[replicates][];
        var options = new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = ct };
        Parallel.For(0, replicates, options, () => pairKeyed ? [] : new int[g.PairCount], (b, _, multiplier) =>
        {
            var stream = SplitMix64.Derive(p.Seed, (ulong)b);
            if (drawnKeys is null)
            {
                Draw(p.Seed, b, null, multiplier);
            }

            var replicate = new double[count];
            for (var i = 0; i < byPair.Pairs.Length; i++)
            {
                var k = drawnKeys is null ? multiplier[byPair.Pairs[i]] : LeaveOneOutScores.Multiplicity(stream, drawnKeys[i]);
                if (k == 0 && skipZero)
                {
                    continue;
                }

                for (var x = byPair.Start[i]; x < byPair.Start[i + 1]; x++)
                {
                    replicate[byPair.Slot[x]] += k * byPair.Total[x];
                }
            }

            raws[b] = replicate;
            return multiplier;
        }, _ => { });

        // A replicate's score is (float)calibration.Score(its raw), or 1 when its raw or the slot's is not above 0: a
        // non-decreasing map of the raw (a score is at least 1), so the sorted scores are the sorted raws mapped, and only
        // the two order statistics each end of the interval reads are mapped: the same interval, bit for bit, as mapping
        // every replicate and sorting the scores (ReplicateIntervals).
        var tail = (1 - p.IntervalLevel) / 2;
        var low = new double[count];
        var high = new double[count];
        Parallel.ForEach(Partitioner.Create(0, count, 4096), options, () => new double[replicates], (range, _, column) =>
        {
            for (var slot = range.Item1; slot < range.Item2; slot++)
            {
                for (var b = 0; b < replicates; b++)
                {
                    column[b] = raws[b][slot];
                }

                Array.Sort(column);
                var f = calibration[topicOfSlot[slot]];
                var positive = raw[slot] > 0;
                low[slot] = Math.Min(score[slot], MappedQuantile(column, tail, f, positive));
                high[slot] = Math.Max(score[slot], MappedQuantile(column, 1 - tail, f, positive));
            }

            return column;
        }, _ => { });
        return (low, high);
    }

    /// <summary><see cref="SortedQuantile.At"/> of the replicate scores, read from the sorted replicate raws
    /// <paramref name="sorted"/>: only the two it interpolates are mapped to scores, as a replicate's score is.</summary>
    private static double MappedQuantile(double[] sorted, double q, QuantileCalibration calibration, bool positive)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        var (below, above) = (Mapped(sorted[lo]), Mapped(sorted[hi]));
        return below + ((h - lo) * (above - below));

        double Mapped(double r) => positive && r > 0 ? (float)calibration.Score(r) : 1f;
    }
}
