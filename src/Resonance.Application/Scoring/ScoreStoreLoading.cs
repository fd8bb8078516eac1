using Resonance.Application.Topics;

namespace Resonance.Application.Scoring;

/// <summary>Loads a run's window from an <see cref="IScoreStore"/> with post texts only where they are read.</summary>
public static class ScoreStoreLoading
{
    /// <summary>The scoring input of the window, with <see cref="ScoringInput.Texts"/> loaded when
    /// <paramref name="withTexts"/> (versions with integrity defences, audits); other versions skip the text query and
    /// hold no post text in memory.</summary>
    public static async Task<ScoringInput> LoadWindowAsync(this IScoreStore store, string? network, long fromMs, long toMs, bool withTexts,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var input = await store.LoadScoringInputAsync(network, fromMs, toMs, ct).ConfigureAwait(false);
        return withTexts ? input.WithTexts(await store.LoadPostTextsAsync(network, fromMs, toMs, ct).ConfigureAwait(false)) : input;
    }

    /// <summary>The window of <paramref name="p"/>, with post texts when its version has integrity defences.</summary>
    public static Task<ScoringInput> LoadWindowAsync(this IScoreStore store, ScoringParameters p, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        return store.LoadWindowAsync(p.Network, p.WindowStartMs, p.AsOfMs, p.IntegrityDefences, ct);
    }

    /// <summary>The window of <paramref name="p"/> as <see cref="LoadWindowAsync(IScoreStore, ScoringParameters, CancellationToken)"/>
    /// reads it, with each interaction's post (<see cref="ScoringInput.PostKeys"/>) when <paramref name="withPostKeys"/> and the
    /// store keeps posts (<see cref="ITopicStore"/>): what a run's topic step needs, read in the same pass.</summary>
    public static async Task<ScoringInput> LoadWindowAsync(this IScoreStore store, ScoringParameters p, bool withPostKeys, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!withPostKeys || store is not ITopicStore topics)
        {
            return await store.LoadWindowAsync(p, ct).ConfigureAwait(false);
        }

        var input = await topics.LoadScoringInputWithPostKeysAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct).ConfigureAwait(false);
        return p.IntegrityDefences ? input.WithTexts(await store.LoadPostTextsAsync(p.Network, p.WindowStartMs, p.AsOfMs, ct).ConfigureAwait(false)) : input;
    }
}
