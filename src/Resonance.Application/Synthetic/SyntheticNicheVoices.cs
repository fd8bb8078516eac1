using Resonance.Engine.Randomness;

namespace Resonance.Application.Synthetic;

/// <summary>Who writes about the niches (<see cref="SyntheticNiches"/>): each planted expert about its own niche, and a few
/// others about the same niche now and then.</summary>
/// <remarks>
/// <para>
/// Why. A broad topic's population grows with the network while an expert's local audience (its tight circle) does not,
/// so no fixed rank on the broad topic holds at every size. Real hidden gems lead a narrow subject with a local audience:
/// each expert gets a niche under its topic (the least used one of its three, ties at random) and writes every post on
/// its topic about that niche. The niche is not the expert's alone: each member of its tight circle writes a post on the
/// topic about the niche with chance <see cref="CircleRate"/>, and <see cref="Dabblers"/> people drawn at random from the
/// communities on the topic (any size, any popularity) with chance <see cref="DabblerRate"/> (<see cref="DabblerRateFrom3"/>
/// from <c>resonance-synthetic/3</c> on). The niche's posters are thus
/// a few dozen whatever the network's size, and its leading voices are whoever draws the most engagement on it.
/// </para>
/// <para>
/// Isolation. Only post texts change: a voice's post is drawn exactly as before (same time, topic, engagement), and its
/// text is written from the niche's vocabulary instead of the topic's when the post is on the voice's topic and a draw
/// from a stream of its own (<see cref="SplitMix64.Derive"/>(seed, <see cref="Stream"/>), then per post serial) says so.
/// Every follow, interaction and post id of a dataset, and every other text, is what it was without niches.
/// </para>
/// <para>Complexity: O(experts × (circle + dabblers × attempts)); memory O(voices). Determinism: one stream for the planting,
/// iterated in expert order.</para>
/// </remarks>
internal sealed class SyntheticNicheVoices
{
    /// <summary>Chance that a circle member's post on the expert's topic is about the expert's niche.</summary>
    public const double CircleRate = 0.25;

    /// <summary>Chance that a dabbler's post on the niche's topic is about the niche, in <c>resonance-synthetic/2</c>.</summary>
    public const double DabblerRate = 1.0;

    /// <summary>The same chance from <c>resonance-synthetic/3</c> on: a dabbler writes about the niche now and then, not
    /// every time it writes on the topic, so a popular generalist's whole output on the topic no longer lands on the niche.</summary>
    public const double DabblerRateFrom3 = 0.3;

    /// <summary>People drawn per niche, outside any expert's circle, who write about it now and then.</summary>
    public const int Dabblers = 10;

    private const ulong Stream = 6;

    private readonly Dictionary<int, Voice> _voices; // lookup only: never iterated

    private SyntheticNicheVoices(int[] expertNiche, Dictionary<int, Voice> voices, ulong textSeed)
    {
        ExpertNiche = expertNiche;
        _voices = voices;
        TextSeed = textSeed;
    }

    /// <summary>A voice: the niche it writes about, the topic whose posts it rewrites, and the chance per such post.</summary>
    public readonly record struct Voice(short Niche, short Topic, double Rate);

    /// <summary>Per expert (same order as <see cref="SyntheticPopulation.Experts"/>), its niche (an index into <see cref="SyntheticNiches.All"/>).</summary>
    public int[] ExpertNiche { get; }

    /// <summary>Seed of the per-post draws (<see cref="SplitMix64.Derive"/>(this, post serial)).</summary>
    public ulong TextSeed { get; }

    /// <summary>The niche that post <paramref name="serial"/> by <paramref name="author"/> on <paramref name="topic"/> is about, or −1.</summary>
    public int NicheOf(long serial, int author, int topic)
    {
        if (topic < 0 || !_voices.TryGetValue(author, out var voice) || voice.Topic != topic)
        {
            return -1;
        }
        if (voice.Rate >= 1)
        {
            return voice.Niche;
        }
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(TextSeed, (ulong)serial));
        return rng.NextDouble() < voice.Rate ? voice.Niche : -1;
    }

    public static SyntheticNicheVoices Build(SyntheticOptions o, SyntheticPopulation pop)
    {
        var seed = SplitMix64.Derive(o.Seed, Stream);
        var rng = new Xoshiro256StarStar(SplitMix64.Derive(seed, 0));
        var voices = new Dictionary<int, Voice>();
        var used = new int[SyntheticNiches.All.Count];
        var expertNiche = new int[pop.Experts.Length];
        for (var e = 0; e < pop.Experts.Length; e++)
        {
            var topic = pop.FocusTopic[pop.Experts[e]];
            var options = SyntheticNiches.ByTopic[topic];
            var least = options.Min(n => used[n]);
            var free = options.Where(n => used[n] == least).ToArray();
            var niche = free[rng.NextInt(free.Length)];
            used[niche]++;
            expertNiche[e] = niche;
            voices[pop.Experts[e]] = new Voice((short)niche, topic, 1.0);
        }
        for (var e = 0; e < pop.Experts.Length; e++)
        {
            foreach (var m in pop.ExpertCircles[e])
            {
                if (pop.Roles[m] != SyntheticRole.Expert)
                {
                    voices.TryAdd(m, new Voice((short)expertNiche[e], pop.FocusTopic[pop.Experts[e]], CircleRate));
                }
            }
        }
        for (var niche = 0; niche < used.Length; niche++)
        {
            if (used[niche] == 0)
            {
                continue;
            }
            var topic = (short)Array.FindIndex([.. SyntheticVocabulary.Topics], t => t.Name == SyntheticNiches.All[niche].Parent);
            for (int added = 0, attempt = 0; added < Dabblers && attempt < Dabblers * 1_000; attempt++)
            {
                var h = pop.Humans[rng.NextInt(pop.Humans.Length)];
                if (pop.Roles[h] == SyntheticRole.Human && Array.IndexOf(pop.CommunityTopics[pop.CommunityOf[h]], (int)topic) >= 0
                    && voices.TryAdd(h, new Voice((short)niche, topic, o.Version >= 3 ? DabblerRateFrom3 : DabblerRate)))
                {
                    added++;
                }
            }
        }
        return new SyntheticNicheVoices(expertNiche, voices, SplitMix64.Derive(seed, 1));
    }
}
