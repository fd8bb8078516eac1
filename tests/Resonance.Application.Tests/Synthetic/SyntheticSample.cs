using Resonance.Application.Synthetic;
using Resonance.Domain;

namespace Resonance.Application.Tests.Synthetic;

/// <summary>The default synthetic dataset (2,000 people), generated once and indexed for the property tests.</summary>
public sealed class SyntheticSample
{
    private static readonly Lazy<SyntheticSample> Shared = new(() => new SyntheticSample(new SyntheticOptions()));

    public static SyntheticSample Default => Shared.Value;

    public SyntheticSample(SyntheticOptions options)
    {
        Dataset = SyntheticNetworkGenerator.Generate(options);
        Records = [.. Dataset.Records];
        foreach (var r in Records)
        {
            if (r.Account is { } a)
            {
                Accounts.Add(a);
            }
            else if (r.Post is { } p)
            {
                Posts.Add(p);
            }
            else if (r.Interaction is { } i)
            {
                Interactions.Add(i);
            }
        }
        Humans = [.. Accounts.Select(a => a.ExternalId).Where(id => !Dataset.Truth.Bots.Contains(id) && !Dataset.Truth.FarmAccounts.Contains(id))];
        foreach (var i in Interactions)
        {
            Increment(OutgoingEngagement, i.ActorId, i.Kind is not InteractionKind.Follow);
            Increment(Followers, i.TargetId, i.Kind is InteractionKind.Follow);
            Increment(EngagementReceived, i.TargetId, i.Kind is not (InteractionKind.Follow or InteractionKind.Mention));
        }
        foreach (var p in Posts.Where(IsOriginal))
        {
            Increment(OriginalPosts, p.AuthorId, true);
        }
    }

    public SyntheticDataset Dataset { get; }
    public GroundTruth Truth => Dataset.Truth;
    public List<SourceRecord> Records { get; }
    public List<Account> Accounts { get; } = [];
    public List<Post> Posts { get; } = [];
    public List<Interaction> Interactions { get; } = [];
    /// <summary>Ids of accounts that are neither bots nor farm accounts.</summary>
    public List<string> Humans { get; }
    public Dictionary<string, int> OutgoingEngagement { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> Followers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> EngagementReceived { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> OriginalPosts { get; } = new(StringComparer.Ordinal);

    public static bool IsOriginal(Post p) => p.ReplyToPostId is null && p.QuoteOfPostId is null && p.RepostOfPostId is null;

    public double EngagementPerPost(string id) =>
        OriginalPosts.TryGetValue(id, out var posts) && posts > 0 ? EngagementReceived.GetValueOrDefault(id) / (double)posts : 0;

    public static double Median(IEnumerable<double> values) => Quantile(values, 0.5);

    public static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];
    }

    /// <summary>A canonical one-line description of a record, covering every field (records with lists do not compare by value).</summary>
    public static string Describe(SourceRecord r) => r switch
    {
        { Account: { } a } => $"{r.Line} A {a}",
        { Post: { } p } => $"{r.Line} P {p} [{string.Join(",", p.Hashtags)}]",
        { Interaction: { } i } => $"{r.Line} I {i}",
        _ => $"{r.Line} ? {r.Error}",
    };

    private static void Increment(Dictionary<string, int> counts, string key, bool condition)
    {
        if (condition)
        {
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}
