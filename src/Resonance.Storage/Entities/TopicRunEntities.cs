namespace Resonance.Storage.Entities;

/// <summary>An account's score on one topic in one run. Bulk data: written only by the run writers, keyed by (run, account, topic).</summary>
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
}

/// <summary>What one engager added to one account's score on one topic in one run. Bulk data keyed by (run, topic, account, engager).</summary>
public sealed class TopicContributionEntity
{
    public long RunId { get; set; }
    public string Topic { get; set; } = "";
    public long AccountId { get; set; }
    public long EngagerId { get; set; }
    public double Reach { get; set; }
    public double Amplification { get; set; }
    public double Impact { get; set; }
}

/// <summary>One topic of one account in one run with its evidence. Bulk data keyed by (run, account, topic).</summary>
public sealed class AccountTopicEntity
{
    public long RunId { get; set; }
    public long AccountId { get; set; }
    public string Topic { get; set; } = "";
    public int Position { get; set; }
    public int Posts { get; set; }
    public double Engagements { get; set; }
    public int Engagers { get; set; }
    /// <summary>JSON array of the matched terms.</summary>
    public string Terms { get; set; } = "[]";
    /// <summary>JSON array of <c>{"post": id, "engagements": n}</c>, most engaged first.</summary>
    public string TopPosts { get; set; } = "[]";
}
