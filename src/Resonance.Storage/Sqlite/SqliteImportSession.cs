using Microsoft.Data.Sqlite;
using Resonance.Application.Importing;
using Resonance.Domain;

namespace Resonance.Storage.Sqlite;

/// <summary>
/// SQLite bulk path: one immediate (write-locked) transaction, prepared statements reused for every row,
/// <c>INSERT OR IGNORE</c> against the natural-key indexes so duplicates are skipped and counted.
/// </summary>
internal sealed class SqliteImportSession : IImportSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Dictionary<string, int> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<string, long>> _accounts = [];
    private readonly RawStatement _insertAccount;
    private readonly RawStatement _insertPost;
    private readonly SqliteMultiRowInsert<InteractionRow> _insertInteractions;
    private long _nextAccountId;
    private bool _committed;
    private List<string> _deferredIndexes = [];

    private SqliteImportSession(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _insertAccount = new RawStatement(connection.Handle!, "INSERT INTO accounts (id, network_id, external_id, handle, display_name) VALUES (?1, ?2, ?3, ?4, ?5)");
        _insertPost = new RawStatement(connection.Handle!, """
            INSERT OR IGNORE INTO posts (network_id, external_id, author_id, created_at_ms, text, hashtags, reply_to, quote_of, repost_of,
                topics, topics_taxonomy)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
            """);
        _insertInteractions = new SqliteMultiRowInsert<InteractionRow>(connection.Handle!,
            "INSERT OR IGNORE INTO interactions (network_id, actor_id, target_id, kind, occurred_at_ms, post_key, weight) VALUES ", 7, BindInteraction);
    }

    public static async Task<SqliteImportSession> BeginAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        await SqlitePragmas.ApplyAsync(connection, ct).ConfigureAwait(false);
        // Every id written here comes from the session's own account map, so foreign keys hold by construction;
        // checking them per row would cost three index probes per interaction.
        using (var off = connection.CreateCommand())
        {
            off.CommandText = "PRAGMA foreign_keys = OFF";
            await off.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        var transaction = connection.BeginTransaction(deferred: false);
        var deferred = SqliteDeferredIndexes.DropWhereEmpty(connection, transaction);
        var session = new SqliteImportSession(connection, transaction) { _deferredIndexes = deferred };
        session._nextAccountId = Convert.ToInt64(session.Scalar("SELECT coalesce(max(id), 0) FROM accounts"), System.Globalization.CultureInfo.InvariantCulture) + 1;
        return session;
    }

    public Task<ImportCounts> WriteAsync(ImportBatch batch, CancellationToken ct = default)
    {
        long accountsAdded = 0, accountsUpdated = 0, accountsDuplicate = 0;
        foreach (var a in batch.Accounts)
        {
            if (!Accounts(a.Network).ContainsKey(a.ExternalId))
            {
                AddAccount(a.Network, a.ExternalId, a.Handle, a.DisplayName);
                accountsAdded++;
            }
            else if (UpdateAccount(a)) { accountsUpdated++; }
            else { accountsDuplicate++; }
        }

        ct.ThrowIfCancellationRequested();
        long postsAdded = 0;
        var p = _insertPost;
        for (var i = 0; i < batch.Posts.Count; i++)
        {
            var post = batch.Posts[i];
            p.Bind(1, Network(post.Network));
            p.Bind(2, post.ExternalId);
            p.Bind(3, Resolve(post.Network, post.AuthorId, ref accountsAdded));
            p.Bind(4, post.CreatedAt.ToUnixTimeMilliseconds());
            p.Bind(5, post.Text);
            p.Bind(6, ImportBatchShape.Hashtags(post));
            p.Bind(7, post.ReplyToPostId);
            p.Bind(8, post.QuoteOfPostId);
            p.Bind(9, post.RepostOfPostId);
            p.Bind(10, batch.TopicsOf(i));
            p.Bind(11, batch.FingerprintOf(i));
            postsAdded += p.Execute();
        }

        ct.ThrowIfCancellationRequested();
        // Resolve ids first, then insert in natural-key order: neighbouring rows land on the same index pages.
        var rows = new InteractionRow[batch.Interactions.Count];
        string? lastNetwork = null;
        Dictionary<string, long> accounts = null!;
        var networkId = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var i = batch.Interactions[k];
            if (!string.Equals(i.Network, lastNetwork, StringComparison.Ordinal))
            {
                lastNetwork = i.Network;
                accounts = Accounts(i.Network);
                networkId = Network(i.Network);
            }
            rows[k] = new InteractionRow(
                accounts.TryGetValue(i.ActorId, out var actor) ? actor : Resolve(i.Network, i.ActorId, ref accountsAdded),
                accounts.TryGetValue(i.TargetId, out var target) ? target : Resolve(i.Network, i.TargetId, ref accountsAdded),
                networkId, i, k);
        }
        Array.Sort(rows);

        ct.ThrowIfCancellationRequested();
        var interactionsAdded = _insertInteractions.Insert(rows, ct);

        return Task.FromResult(ImportCounts.ForBatch(batch, accountsAdded, accountsUpdated, accountsDuplicate, postsAdded, interactionsAdded));
    }

    public async Task<ImportCounts> CommitAsync(ImportRunRecord run, CancellationToken ct = default)
    {
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = _transaction;
            ImportRunSql.Bind(cmd, run, startedAsText: true);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        SqliteDeferredIndexes.Rebuild(_connection, _transaction, _deferredIndexes);
        await _transaction.CommitAsync(ct).ConfigureAwait(false);
        _committed = true;
        return run.Counts;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }
        _insertAccount.Dispose();
        _insertPost.Dispose();
        _insertInteractions.Dispose();
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private static void BindInteraction(RawStatement statement, int offset, in InteractionRow row)
    {
        var i = row.Interaction;
        statement.Bind(offset + 1, row.NetworkId);
        statement.Bind(offset + 2, row.ActorId);
        statement.Bind(offset + 3, row.TargetId);
        statement.Bind(offset + 4, (long)i.Kind);
        statement.Bind(offset + 5, UnixTime.ToMs(i.OccurredAt));
        statement.Bind(offset + 6, i.PostId ?? "");
        statement.Bind(offset + 7, i.Weight);
    }

    /// <summary>The id of an account named by a post or interaction, creating a bare account when it is new.</summary>
    private long Resolve(string network, string externalId, ref long added)
    {
        if (Accounts(network).TryGetValue(externalId, out var id))
        {
            return id;
        }
        added++;
        return AddAccount(network, externalId, null, null);
    }

    private long AddAccount(string network, string externalId, string? handle, string? displayName)
    {
        var id = _nextAccountId++;
        var s = _insertAccount;
        s.Bind(1, id);
        s.Bind(2, Network(network));
        s.Bind(3, externalId);
        s.Bind(4, handle);
        s.Bind(5, displayName);
        s.Execute();
        Accounts(network)[externalId] = id;
        return id;
    }

    /// <summary>Sets handle and display name from an account record; true when something changed.</summary>
    private bool UpdateAccount(Account a)
    {
        if (a.Handle is null && a.DisplayName is null)
        {
            return false;
        }
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = """
            UPDATE accounts SET handle = coalesce($h, handle), display_name = coalesce($d, display_name)
            WHERE id = $id AND (($h IS NOT NULL AND handle IS NOT $h) OR ($d IS NOT NULL AND display_name IS NOT $d))
            """;
        cmd.Parameters.AddWithValue("$h", (object?)a.Handle ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$d", (object?)a.DisplayName ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$id", Accounts(a.Network)[a.ExternalId]);
        return cmd.ExecuteNonQuery() > 0;
    }

    private int Network(string name)
    {
        if (_networks.TryGetValue(name, out var id))
        {
            return id;
        }
        var existing = Scalar("SELECT id FROM networks WHERE name = $name", ("$name", name));
        id = existing is null
            ? Convert.ToInt32(Scalar("INSERT INTO networks (name) VALUES ($name) RETURNING id", ("$name", name)), System.Globalization.CultureInfo.InvariantCulture)
            : Convert.ToInt32(existing, System.Globalization.CultureInfo.InvariantCulture);
        _networks[name] = id;
        return id;
    }

    private Dictionary<string, long> Accounts(string network)
    {
        var networkId = Network(network);
        if (_accounts.TryGetValue(networkId, out var map))
        {
            return map;
        }
        map = new Dictionary<string, long>(StringComparer.Ordinal);
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = "SELECT external_id, id FROM accounts WHERE network_id = $n";
        cmd.Parameters.AddWithValue("$n", networkId);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            map[reader.GetString(0)] = reader.GetInt64(1);
        }
        _accounts[networkId] = map;
        return map;
    }

    private object? Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }
        return cmd.ExecuteScalar();
    }
}
