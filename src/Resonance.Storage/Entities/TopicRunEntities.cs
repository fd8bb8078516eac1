namespace Resonance.Storage.Entities;

/// <summary>An account's score on one topic in one run, with the counts of its evidence. Bulk data: written only by the run writers, keyed by (run, account, topic).</summary>
public sealed class TopicScoreEntity
{
    public long RunId { get; set; }
    public long AccountId { get; set; }
    public string Topic { get; set; } = "";
    public int Rank { get; set; }
    public double Score { get; set; }
    public double Low { get; set; }
    public double High { get; set; }
    public double Raw { get; set; }
    public double Base { get; set; }
    public double Reach { get; set; }
    public double Amplification { get; set; }
    public double Impact { get; set; }
    /// <summary>The account's posts about the topic (evidence counts; null for runs stored before they were kept).</summary>
    public int? Posts { get; set; }
    /// <summary>Weighted interactions by others on those posts in the run's window.</summary>
    public double? Engagements { get; set; }
    /// <summary>Distinct accounts behind those interactions.</summary>
    public int? Engagers { get; set; }
}
