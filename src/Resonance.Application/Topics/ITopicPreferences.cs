namespace Resonance.Application.Topics;

/// <summary>A topic that the holder of an account rejected, with the terms that had assigned it.</summary>
/// <param name="AccountId">The account's store id.</param>
/// <param name="Topic">The rejected topic.</param>
/// <param name="Terms">The hashtags, cashtags and keywords that matched the account's posts when it was rejected.</param>
/// <param name="HiddenAt">When it was rejected.</param>
public sealed record TopicRejection(long AccountId, string Topic, IReadOnlyList<string> Terms, DateTimeOffset HiddenAt);

/// <summary>How often members rejected one topic, and the terms behind those assignments: the extractor's feedback.</summary>
/// <param name="Topic">The topic.</param>
/// <param name="Accounts">Accounts whose holders rejected it.</param>
/// <param name="Terms">Each matched term with the number of rejecting accounts it had matched, most first.</param>
public sealed record TopicRejectionSummary(string Topic, int Accounts, IReadOnlyList<TopicTermCount> Terms);

/// <summary>A matched term and how many rejecting accounts it had matched.</summary>
/// <param name="Term">The term as shown (<c>#tag</c>, <c>$TICKER</c> or a stemmed keyword).</param>
/// <param name="Accounts">Accounts.</param>
public sealed record TopicTermCount(string Term, int Accounts);

/// <summary>Topics that members hid from their accounts. A hidden topic is never shown for that account (pages, API,
/// discovery, <c>resonance topics</c>, <c>resonance top --topic</c>); the rejections, with the terms that had matched,
/// are the signal an operator reads to correct the taxonomy (docs/topics.md, "Rejected topics").</summary>
public interface ITopicPreferences
{
    /// <summary>The hidden topics of each of <paramref name="accountIds"/> that has any.</summary>
    Task<IReadOnlyDictionary<long, IReadOnlySet<string>>> HiddenTopicsAsync(IReadOnlyCollection<long> accountIds, CancellationToken ct = default);

    /// <summary>The rejections of <paramref name="accountId"/>, most recent first.</summary>
    Task<IReadOnlyList<TopicRejection>> RejectionsAsync(long accountId, CancellationToken ct = default);

    /// <summary>Hides <paramref name="topic"/> for <paramref name="accountId"/>, remembering the <paramref name="terms"/>
    /// that matched; hiding it again keeps the first rejection.</summary>
    /// <exception cref="InvalidOperationException">Member <paramref name="userId"/> does not hold the account (verified).</exception>
    Task HideTopicAsync(string userId, long accountId, string topic, IReadOnlyList<string> terms, CancellationToken ct = default);

    /// <summary>Shows <paramref name="topic"/> again for <paramref name="accountId"/>; false when it was not hidden.</summary>
    /// <exception cref="InvalidOperationException">Member <paramref name="userId"/> does not hold the account (verified).</exception>
    Task<bool> ShowTopicAsync(string userId, long accountId, string topic, CancellationToken ct = default);

    /// <summary>Every rejected topic with its count of accounts and the terms behind it, most rejected first.</summary>
    Task<IReadOnlyList<TopicRejectionSummary>> RejectionSummaryAsync(CancellationToken ct = default);
}
