namespace Resonance.Storage.Entities;

/// <summary>What one engager added to one account's raw score in one run. Bulk data keyed by (run, account, engager).</summary>
public sealed class ScoreContributionEntity
{
    public long RunId { get; set; }
    public long AccountId { get; set; }
    public long EngagerId { get; set; }
    public double Reach { get; set; }
    public double Amplification { get; set; }
    public double Impact { get; set; }
}
