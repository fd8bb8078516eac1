using Resonance.Application.Scoring;
using Resonance.Domain;

namespace Resonance.Storage.Scoring;

/// <summary>Collects interaction and post rows into the parallel arrays of a <see cref="ScoringInput"/>, doubling as it goes.</summary>
internal sealed class ScoringInputBuilder
{
    private const int InitialCapacity = 4096;

    private long[] _actors = new long[InitialCapacity];
    private long[] _targets = new long[InitialCapacity];
    private InteractionKind[] _kinds = new InteractionKind[InitialCapacity];
    private long[] _times = new long[InitialCapacity];
    private double[] _weights = new double[InitialCapacity];
    private int _interactions;
    private long[] _postAuthors = new long[InitialCapacity];
    private long[] _postTimes = new long[InitialCapacity];
    private int _posts;

    public void AddInteraction(long actor, long target, InteractionKind kind, long timeMs, double weight)
    {
        if (_interactions == _actors.Length)
        {
            var size = _actors.Length * 2;
            Array.Resize(ref _actors, size);
            Array.Resize(ref _targets, size);
            Array.Resize(ref _kinds, size);
            Array.Resize(ref _times, size);
            Array.Resize(ref _weights, size);
        }
        var i = _interactions++;
        _actors[i] = actor;
        _targets[i] = target;
        _kinds[i] = kind;
        _times[i] = timeMs;
        _weights[i] = weight;
    }

    public void AddPost(long author, long createdMs)
    {
        if (_posts == _postAuthors.Length)
        {
            var size = _postAuthors.Length * 2;
            Array.Resize(ref _postAuthors, size);
            Array.Resize(ref _postTimes, size);
        }
        _postAuthors[_posts] = author;
        _postTimes[_posts++] = createdMs;
    }

    /// <summary>The input, with every array cut to the rows added, and their post keys when read.</summary>
    public ScoringInput Build(InteractionPostKeys? postKeys = null) => new(Trim(_actors, _interactions), Trim(_targets, _interactions),
        Trim(_kinds, _interactions), Trim(_times, _interactions), Trim(_weights, _interactions), Trim(_postAuthors, _posts), Trim(_postTimes, _posts))
    {
        PostKeys = postKeys,
    };

    private static T[] Trim<T>(T[] array, int length) => array.Length == length ? array : array[..length];
}
