namespace Resonance.Storage.Entities;

/// <summary>One account's score in one run. Bulk data: written only by the run writers, keyed by (run, account).</summary>
public sealed class AccountScoreEntity
{
    public long RunId { get; set; }
    public long AccountId { get; set; }
    public int Rank { get; set; }
    public double Score { get; set; }
    public double Low { get; set; }
    public double High { get; set; }
    public double Raw { get; set; }
    public double Base { get; set; }
    public double Reach { get; set; }
    public double Amplification { get; set; }
    public double Impact { get; set; }
}
