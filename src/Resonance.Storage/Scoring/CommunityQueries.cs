using System.Data.Common;
using System.Globalization;
using Resonance.Application.Communities;
using Resonance.Application.Members;

namespace Resonance.Storage.Scoring;

/// <summary>The reads behind <see cref="ICommunityStore"/>, in SQL that runs unchanged on SQLite and PostgreSQL.</summary>
internal static class CommunityQueries
{
    private const string MemberColumns = "account_id, community_id, community_rank, centrality";

    public static async Task<IReadOnlyList<CommunitySummary>> CommunitiesAsync(DbConnection connection, long runId, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection, "SELECT community_id, size, scored FROM communities WHERE run_id = @run ORDER BY community_id",
            r => new CommunitySummary(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2)), ct, ("@run", runId)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<CommunityStanding>> StandingsAsync(DbConnection connection, long runId, IReadOnlyCollection<long> accountIds,
        CancellationToken ct)
    {
        var result = new List<CommunityStanding>();
        foreach (var chunk in accountIds.Distinct().Order().Chunk(ScoreStoreQueries.DescribeBatchSize))
        {
            // The ids are longs, written in as numbers: no text from outside reaches the SQL.
            var ids = string.Join(",", chunk.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            result.AddRange(await AdoCommands.ListAsync(connection,
                $"SELECT {MemberColumns} FROM community_members WHERE run_id = @run AND account_id IN ({ids}) ORDER BY account_id",
                Read, ct, ("@run", runId)).ConfigureAwait(false));
        }
        return result;
    }

    public static async Task<IReadOnlyList<CommunityStanding>> MembersAsync(DbConnection connection, long runId, int community, int count, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection,
            $"SELECT {MemberColumns} FROM community_members WHERE run_id = @run AND community_id = @community ORDER BY community_rank LIMIT @count",
            Read, ct, ("@run", runId), ("@community", community), ("@count", count)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<CommunityStanding>> AllAsync(DbConnection connection, long runId, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection, $"SELECT {MemberColumns} FROM community_members WHERE run_id = @run ORDER BY account_id",
            Read, ct, ("@run", runId)).ConfigureAwait(false);

    public static async Task<IReadOnlyList<(CommunityStanding Standing, Consent Consent)>> ClaimedAsync(DbConnection connection, long runId, CancellationToken ct) =>
        await AdoCommands.ListAsync(connection, """
            SELECT m.account_id, m.community_id, m.community_rank, m.centrality, u."Id", u."UserName", u.visibility
            FROM community_members m
            JOIN account_claims c ON c.account_id = m.account_id
            JOIN "AspNetUsers" u ON u."Id" = c.user_id
            WHERE m.run_id = @run AND c.status = @verified
            ORDER BY m.account_id
            """,
            r => (Read(r), new Consent(r.GetInt64(0), r.GetString(4), r.IsDBNull(5) ? "" : r.GetString(5), (Visibility)r.GetInt32(6))), ct,
            ("@run", runId), ("@verified", (int)ClaimStatus.Verified)).ConfigureAwait(false);

    public static async Task<bool> HasTopicTextAsync(DbConnection connection, string? network, long toMs, CancellationToken ct)
    {
        var networkId = await ScoreStoreQueries.NetworkIdAsync(connection, network, ct).ConfigureAwait(false);
        var found = await AdoCommands.ListAsync(connection,
            "SELECT 1 FROM posts WHERE created_at_ms <= @to AND ((text IS NOT NULL AND text <> '') OR (hashtags IS NOT NULL AND hashtags <> ''))"
            + ScoreStoreQueries.NetworkFilter(networkId) + " LIMIT 1",
            r => true, ct, ScoreStoreQueries.WithNetwork(networkId, ("@to", toMs))).ConfigureAwait(false);
        return found.Count > 0;
    }

    private static CommunityStanding Read(DbDataReader r) => new(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetDouble(3));
}
