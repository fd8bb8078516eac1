using Resonance.Application.Insights;
using Resonance.Application.Integrity;
using Resonance.Application.Members;
using Resonance.Application.Scoring;

namespace Resonance.Server.Api;

/// <summary>One page of a list. Every API list is paged.</summary>
/// <param name="Items">This page's items.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="Total">Items in all pages.</param>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    /// <summary>Pages in all.</summary>
    public int Pages => Total == 0 ? 0 : ((Total - 1) / PageSize) + 1;
}

/// <summary>The signed-in member.</summary>
public sealed record MeResponse(string UserName, string? Email, string Visibility, string VisibilityMeaning,
    IReadOnlyList<string> Roles, IReadOnlyList<ClaimResponse> Claims);

/// <summary>A claim on an account. <paramref name="Code"/> is shown only to the member who made it.</summary>
public sealed record ClaimResponse(long Id, string Account, string Network, string Status, string Proof, string? Code, DateTimeOffset CreatedAt);

/// <summary>Request to claim an account by <c>network:id-or-handle</c>.</summary>
public sealed record ClaimRequest(string Account);

/// <summary>Request to change visibility: <c>private</c>, <c>signed-in</c> or <c>discoverable</c>.</summary>
public sealed record VisibilityRequest(string Visibility);

/// <summary>A score with its interval, rank and sub-scores.</summary>
public sealed record ScoreResponse(double Score, double Low, double High, string Display, int Rank, int Of, double TopPercent,
    double Reach, double Amplification, double Impact, double Raw);

/// <summary>A run header, as the API shows it.</summary>
public sealed record RunResponse(long Id, string Algorithm, string? Network, DateTimeOffset AsOf, double WindowDays,
    int AccountsScored, long Interactions, DateTimeOffset FinishedAt);

/// <summary>A named person in a list, and their share.</summary>
public sealed record PersonShareResponse(string Account, string Name, double Share);

/// <summary>A list of people: those the viewer may see, then the rest as counts per network.</summary>
public sealed record PeopleResponse(IReadOnlyList<PersonShareResponse> Named, IReadOnlyList<AnonymousGroup> Anonymous);

/// <summary>A profile: an account's influence as the viewer may see it, with its audience quality (null when nobody
/// engaged in the latest run's window), its top topics with their evidence (topics its holder hid are left out) and its
/// community standing (null when unscored or the run has no communities). Topics are the run's stored ones, with their
/// evidence derived on read and checked against the run's counts (<c>TopicsStored</c> true, <c>TopicsNote</c> null); a
/// run saved without them recomputes them from the data now in the store, and a run whose window changed since shows
/// only its stored scores and counts; <c>TopicsNote</c> then says which, as <c>resonance topics</c> does.</summary>
public sealed record ProfileResponse(string Account, string Name, string Visibility, RunResponse? Run, ScoreResponse? Score,
    PeopleResponse Engagers, PeopleResponse Influencers, IReadOnlyList<HistoryResponse> History,
    AudienceResponse? Audience, IReadOnlyList<TopicResponse> Topics, CommunityStandingResponse? Community,
    bool TopicsStored = false, string? TopicsNote = null);

/// <summary>An account's standing in its community of the profile's run (docs/communities.md): the community's id, its
/// label as the viewer may see it (naming only members the viewer may see), its size (accounts) and scored members, the
/// account's rank there, its top share there and in the whole run, whether the community standing says more
/// (<c>preferred</c>: shown first) and the standing in words, for example <c>top 3% in Community 4 (1,240 accounts)</c>.</summary>
public sealed record CommunityStandingResponse(int Id, string Label, IReadOnlyList<string> Named, IReadOnlyList<string> Topics, int Size, int Scored,
    int Rank, double TopShare, double GlobalTopShare, bool Preferred, string Standing)
{
    internal static CommunityStandingResponse From(Application.Communities.CommunityPlacement p) => new(p.Community.Id, p.Label.Text, p.Label.Named,
        p.Label.Topics, p.Community.Size, p.Community.Scored, p.Standing.Rank, p.CommunityTopShare, p.GlobalTopShare, p.Preferred,
        p.Text);
}

/// <summary>Audience quality: of the distinct accounts that engaged in the latest run's window, how many are likely
/// authentic, the share and its 95% Wilson interval (a small audience gives a wide interval), and the same in words.</summary>
public sealed record AudienceResponse(long RunId, int Engagers, int Authentic, double Share, double Low, double High, string Text)
{
    internal static AudienceResponse From(long runId, AudienceQuality q) =>
        new(runId, q.Engagers, q.Authentic, q.Share, q.Low, q.High, AudienceWords.Describe(q));
}

/// <summary>One topic of an account and the evidence for it: its posts about the topic, the engagement by others on
/// them (weighted) and the distinct engagers (counted, never named), the matched terms and its most engaged posts.</summary>
public sealed record TopicResponse(string Topic, int Posts, double Engagements, int Engagers, IReadOnlyList<string> Terms,
    IReadOnlyList<TopicPostResponse> TopPosts)
{
    internal static TopicResponse From(Application.Topics.AccountTopic t) => new(t.Topic, t.Posts, t.Engagements, t.Engagers, t.Terms,
        [.. t.TopPosts.Select(p => new TopicPostResponse(p.PostId, p.Engagements))]);
}

/// <summary>One of the account's own posts behind a topic: its id on the network and the engagement it got.</summary>
public sealed record TopicPostResponse(string Post, double Engagements);

/// <summary>A topic the member hid from their account, with the terms that had matched (kept as feedback for the
/// topic extractor).</summary>
public sealed record HiddenTopicResponse(string Account, string Topic, IReadOnlyList<string> Terms, DateTimeOffset HiddenAt);

/// <summary>Request to hide a topic from one of your accounts (the first verified one when <c>account</c> is omitted).</summary>
public sealed record HideTopicRequest(string? Topic, string? Account);

/// <summary>The score in one run.</summary>
public sealed record HistoryResponse(long RunId, string Algorithm, DateTimeOffset AsOf, double Score, double Low, double High);

/// <summary>Why a score changed between two runs; the parts add up to <paramref name="Total"/>.</summary>
public sealed record ChangeResponse(string Account, RunResponse From, RunResponse To, double ScoreBefore, double ScoreAfter,
    double Total, double EngagementChange, double PriorChange, double PopulationShift, double AlgorithmChange, PeopleResponse Contributors);

/// <summary>A consenting member in the people list.</summary>
public sealed record PersonResponse(string Account, string Name, double? Score, double? Low, double? High, string Visibility);

/// <summary>Maps application records to API shapes.</summary>
internal static class ApiMapping
{
    public static RunResponse Run(ScoreRunInfo r) => new(r.Id, r.Algorithm.ToString(), r.Parameters.Network,
        DateTimeOffset.FromUnixTimeMilliseconds(r.Parameters.AsOfMs), r.Parameters.WindowDays, r.AccountsScored,
        r.WatermarkInteractions, r.FinishedAt);

    public static ScoreResponse Score(AccountScore s, int of) => new(s.Score, s.Low, s.High, ScoreText.WithInterval(s.Score, s.Low, s.High),
        s.Rank, of, Math.Max(0.1, 100.0 * s.Rank / Math.Max(1, of)), s.Reach, s.Amplification, s.Impact, s.Raw);

    public static PeopleResponse People(PeopleSummary<PersonShare> p) =>
        new([.. p.Named.Select(n => new PersonShareResponse(n.Account.Label, n.Name, n.Share))], p.AnonymousByNetwork);

    public static ProfileResponse Profile(Profile p, AccountInsight? insight, Application.Communities.CommunityPlacement? placement) => new(p.Account.Label, p.Holder.UserName, Visibilities.Name(p.Holder.Visibility),
        p.Run is null ? null : Run(p.Run), p.Score is null ? null : Score(p.Score, p.ScoredAccounts),
        People(p.Engagers), People(p.Influencers),
        [.. p.History.Select(h => new HistoryResponse(h.RunId, h.Algorithm.ToString(), h.AsOf, h.Score, h.Low, h.High))],
        insight?.Audience is { } a ? AudienceResponse.From(insight.RunId, a) : null,
        [.. (insight?.Topics ?? []).Take(InsightService.ShownTopics).Select(TopicResponse.From)],
        placement is null ? null : CommunityStandingResponse.From(placement),
        insight is not null && insight.TopicsNote is null, insight?.TopicsNote);

    public static ChangeResponse Change(ProfileChange c) => new(c.Diff.Account.Label, Run(c.Diff.From), Run(c.Diff.To),
        c.Diff.ScoreBefore, c.Diff.ScoreAfter, c.Diff.Total, c.Diff.EngagementChange, c.Diff.PriorChange,
        c.Diff.PopulationShift, c.Diff.AlgorithmChange, People(c.Contributors));

    public static ClaimResponse Claim(ClaimInfo c, bool showCode) => new(c.Id, c.Account.Label, c.Account.Network,
        c.Status.ToString().ToLowerInvariant(), c.Proof.ToString(), showCode ? c.Code : null, c.CreatedAt);
}
