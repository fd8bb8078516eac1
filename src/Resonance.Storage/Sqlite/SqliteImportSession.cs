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
    private readonly SqliteCommand _insertPost;
    private readonly RawStatement _insertInteraction;
    private long _nextAccountId;
    private bool _committed;

    private SqliteImportSession(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _insertAccount = new RawStatement(connection.Handle!, "INSERT INTO accounts (id, network_id, external_id, handle, display_name) VALUES (?1, ?2, ?3, ?4, ?5)");
        _insertPost = Prepare("""
            INSERT OR IGNORE INTO posts (network_id, external_id, author_id, created_at_ms, text, hashtags, reply_to, quote_of, repost_of)
            VALUES ($n, $e, $a, $t, $x, $h, $r, $q, $p)
            """, "$n", "$e", "$a", "$t", "$x", "$h", "$r", "$q", "$p");
        _insertInteraction = new RawStatement(connection.Handle!, """
            INSERT OR IGNORE INTO interactions (network_id, actor_id, target_id, kind, occurred_at_ms, post_key, weight)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """);
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
        var session = new SqliteImportSession(connection, transaction);
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
        var p = _insertPost.Parameters;
        foreach (var post in batch.Posts)
        {
            p[0].Value = Network(post.Network);
            p[1].Value = post.ExternalId;
            p[2].Value = Resolve(post.Network, post.AuthorId, ref accountsAdded);
            p[3].Value = post.CreatedAt.ToUnixTimeMilliseconds();
            p[4].Value = (object?)post.Text ?? DBNull.Value;
            p[5].Value = (object?)ImportBatchShape.Hashtags(post) ?? DBNull.Value;
            p[6].Value = (object?)post.ReplyToPostId ?? DBNull.Value;
            p[7].Value = (object?)post.QuoteOfPostId ?? DBNull.Value;
            p[8].Value = (object?)post.RepostOfPostId ?? DBNull.Value;
            postsAdded += _insertPost.ExecuteNonQuery();
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
                networkId, i);
        }
        Array.Sort(rows);

        ct.ThrowIfCancellationRequested();
        long interactionsAdded = 0;
        var q = _insertInteraction;
        foreach (var row in rows)
        {
            var i = row.Interaction;
            q.Bind(1, row.NetworkId);
            q.Bind(2, row.ActorId);
            q.Bind(3, row.TargetId);
            q.Bind(4, (long)i.Kind);
            q.Bind(5, UnixTime.ToMs(i.OccurredAt));
            q.Bind(6, i.PostId ?? "");
            q.Bind(7, i.Weight);
            interactionsAdded += q.Execute();
        }

        return Task.FromResult(new ImportCounts
        {
            AccountsAdded = accountsAdded,
            AccountsUpdated = accountsUpdated,
            AccountsDuplicate = accountsDuplicate,
            PostsAdded = postsAdded,
            PostsDuplicate = batch.Posts.Count - postsAdded,
            InteractionsAdded = interactionsAdded,
            InteractionsDuplicate = batch.Interactions.Count - interactionsAdded,
        });
    }

    public async Task CommitAsync(ImportRunRecord run, CancellationToken ct = default)
    {
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = _transaction;
            ImportRunSql.Bind(cmd, run, startedAsText: true);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await _transaction.CommitAsync(ct).ConfigureAwait(false);
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }
        _insertAccount.Dispose();
        _insertPost.Dispose();
        _insertInteraction.Dispose();
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
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

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        foreach (var name in names)
        {
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        }
        cmd.Prepare();
        return cmd;
    }

    /// <summary>An interaction with its account ids resolved, ordered by (actor, target) like the natural-key index.</summary>
    private readonly record struct InteractionRow(long ActorId, long TargetId, int NetworkId, Interaction Interaction) : IComparable<InteractionRow>
    {
        public int CompareTo(InteractionRow other)
        {
            var c = ActorId.CompareTo(other.ActorId);
            return c != 0 ? c : TargetId.CompareTo(other.TargetId);
        }
    }
}
