using Resonance.Application.Scoring;
using Resonance.Domain;

namespace Resonance.Storage.Scoring;

/// <summary>Collects interaction and post rows into the parallel arrays of a <see cref="ScoringInput"/>, each column in
/// chunks (<see cref="ChunkedColumn{T}"/>) copied once into its array of the exact length.</summary>
internal sealed class ScoringInputBuilder
{
    private readonly ChunkedColumn<long> _actors = new();
    private readonly ChunkedColumn<long> _targets = new();
    private readonly ChunkedColumn<InteractionKind> _kinds = new();
    private readonly ChunkedColumn<long> _times = new();
    private readonly ChunkedColumn<double> _weights = new();
    private readonly ChunkedColumn<long> _postAuthors = new();
    private readonly ChunkedColumn<long> _postTimes = new();

    public void AddInteraction(long actor, long target, InteractionKind kind, long timeMs, double weight)
    {
        _actors.Add(actor);
        _targets.Add(target);
        _kinds.Add(kind);
        _times.Add(timeMs);
        _weights.Add(weight);
    }

    public void AddPost(long author, long createdMs)
    {
        _postAuthors.Add(author);
        _postTimes.Add(createdMs);
    }

    /// <summary>The input, and their post keys when read.</summary>
    public ScoringInput Build(InteractionPostKeys? postKeys = null) => new(_actors.ToArray(), _targets.ToArray(), _kinds.ToArray(), _times.ToArray(),
        _weights.ToArray(), _postAuthors.ToArray(), _postTimes.ToArray())
    {
        PostKeys = postKeys,
    };
}
