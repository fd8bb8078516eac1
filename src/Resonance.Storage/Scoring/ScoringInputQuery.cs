using System.Data.Common;
using Resonance.Application.Scoring;
using Resonance.Domain;
using Resonance.Storage.Entities;

namespace Resonance.Storage.Scoring;

/// <summary>
/// The two reads that make a <see cref="ScoringInput"/>: the window's interactions (untimed ones included) and its posts,
/// each with its parameters. Providers run them their fastest way; <see cref="ReadAsync"/> is the plain ADO.NET one.
/// </summary>
/// <param name="Interactions">Selects <c>actor_id, target_id, kind, occurred_at_ms, weight</c>, in that order, then
/// <c>post_key</c> when <paramref name="WithPostKeys"/>.</param>
/// <param name="Posts">Selects <c>author_id, created_at_ms</c>.</param>
internal sealed record ScoringInputQuery(string Interactions, (string Name, long Value)[] InteractionParameters,
    string Posts, (string Name, long Value)[] PostParameters, bool WithPostKeys = false)
{
    /// <summary>The reads for one network (null: all) and window, with each interaction's post key when
    /// <paramref name="withPostKeys"/>; an unknown network is an <see cref="ArgumentException"/>.</summary>
    public static async Task<ScoringInputQuery> CreateAsync(DbConnection connection, string? network, long fromMs, long toMs, CancellationToken ct,
        bool withPostKeys = false)
    {
        var networkId = await ScoreStoreQueries.NetworkIdAsync(connection, network, ct).ConfigureAwait(false);
        var filter = ScoreStoreQueries.NetworkFilter(networkId);
        (string, long)[] byNetwork = networkId is { } id ? [("@network", id)] : [];
        return new ScoringInputQuery(
            "SELECT actor_id, target_id, kind, occurred_at_ms, weight" + (withPostKeys ? ", post_key" : "")
            + " FROM interactions WHERE (occurred_at_ms BETWEEN @from AND @to OR occurred_at_ms = @untimed)" + filter,
            [("@from", fromMs), ("@to", toMs), ("@untimed", InteractionEntity.Untimed), .. byNetwork],
            "SELECT author_id, created_at_ms FROM posts WHERE created_at_ms BETWEEN @from AND @to" + filter,
            [("@from", fromMs), ("@to", toMs), .. byNetwork], withPostKeys);
    }

    /// <summary>Runs both reads through ADO.NET data readers.</summary>
    public async Task<ScoringInput> ReadAsync(DbConnection connection, CancellationToken ct)
    {
        var input = new ScoringInputBuilder();
        var keys = WithPostKeys ? new PostKeyCollector() : null;
        await using (var cmd = AdoCommands.Command(connection, Interactions, Boxed(InteractionParameters)))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                // InteractionEntity.Untimed and ScoringInput.Untimed are both long.MinValue, so times pass through as stored.
                input.AddInteraction(reader.GetInt64(0), reader.GetInt64(1), (InteractionKind)reader.GetInt16(2), reader.GetInt64(3), reader.GetDouble(4));
                keys?.Add(reader.GetString(5));
            }
        }
        await using (var cmd = AdoCommands.Command(connection, Posts, Boxed(PostParameters)))
        await using (var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                input.AddPost(reader.GetInt64(0), reader.GetInt64(1));
            }
        }
        return input.Build(keys?.Build());
    }

    private static (string Name, object? Value)[] Boxed((string Name, long Value)[] parameters) =>
        [.. parameters.Select(p => (p.Name, (object?)p.Value))];
}
