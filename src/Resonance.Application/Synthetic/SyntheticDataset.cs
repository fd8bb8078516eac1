using Resonance.Domain;

namespace Resonance.Application.Synthetic;

/// <summary>A generated synthetic network: the planted answer key, known up front, and a lazily streamed record sequence.</summary>
/// <remarks>
/// <see cref="Records"/> can be enumerated any number of times and always yields the same sequence: every account first
/// (in id order u0, u1, …), then posts and interactions in non-decreasing time order. <see cref="SourceRecord.Line"/>
/// numbers the records from 1, matching the line numbers of a JSON Lines file written in this order. Enumeration holds
/// O(people + follow edges) memory plus a few days of pending events, never the whole output.
/// </remarks>
public sealed class SyntheticDataset
{
    private readonly Func<IEnumerable<SourceRecord>> _records;

    internal SyntheticDataset(SyntheticOptions options, GroundTruth truth, long followEdges, Func<IEnumerable<SourceRecord>> records)
    {
        Options = options;
        Truth = truth;
        FollowEdges = followEdges;
        _records = records;
    }

    /// <summary>The options the dataset was generated with.</summary>
    public SyntheticOptions Options { get; }

    /// <summary>What was planted: bots, pod, farm, hidden gems and communities.</summary>
    public GroundTruth Truth { get; }

    /// <summary>Number of accounts (equal to <see cref="SyntheticOptions.People"/>).</summary>
    public int Accounts => Options.People;

    /// <summary>Number of follow interactions the stream will contain (the whole follow graph).</summary>
    public long FollowEdges { get; }

    /// <summary>The records: accounts, then posts and interactions in time order. Each enumeration regenerates them deterministically.</summary>
    public IEnumerable<SourceRecord> Records => _records();
}
