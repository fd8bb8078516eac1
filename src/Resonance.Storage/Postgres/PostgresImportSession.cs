using Npgsql;
using NpgsqlTypes;
using Resonance.Application.Importing;
using Resonance.Domain;

namespace Resonance.Storage.Postgres;

/// <summary>
/// PostgreSQL bulk path: one transaction holding an advisory lock (imports are serialised, so the in-memory account map
/// stays authoritative), binary COPY into temporary tables, then <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> so
/// duplicates are skipped and counted. New accounts take ids reserved from the table's sequence and are copied directly;
/// interactions are copied directly while no duplicate has been seen, or until commit when the table started empty
/// (<see cref="DeferredIndexes"/>).
/// </summary>
internal sealed class PostgresImportSession : IImportSession
{
    /// <summary>Advisory lock key shared by every Resonance import ("RESOIMPT").</summary>
    private const long ImportLockKey = 0x5245534F494D5054;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly Dictionary<string, int> _networks = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<string, long>> _accounts = [];
    private bool _committed;
    private bool _duplicatesSeen;
    private DeferredIndexes? _deferredIndexes;

    private PostgresImportSession(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<PostgresImportSession> BeginAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var session = new PostgresImportSession(connection, transaction);
        await session.ExecuteAsync($"""
            SELECT pg_advisory_xact_lock({ImportLockKey});
            CREATE TEMP TABLE tmp_posts (network_id int, external_id text, author_id bigint, created_at_ms bigint, text text,
                hashtags text, reply_to text, quote_of text, repost_of text, topics text, topics_taxonomy bigint) ON COMMIT DROP;
            CREATE TEMP TABLE tmp_interactions (network_id int, actor_id bigint, target_id bigint, kind smallint,
                occurred_at_ms bigint, post_key text, weight double precision) ON COMMIT DROP;
            CREATE TEMP TABLE tmp_account_updates (id bigint, handle text, display_name text) ON COMMIT DROP;
            """, ct).ConfigureAwait(false);
        session._deferredIndexes = await DeferredIndexes.DropWhereEmptyAsync(connection, transaction, ct).ConfigureAwait(false);
        return session;
    }

    public async Task<ImportCounts> WriteAsync(ImportBatch batch, CancellationToken ct = default)
    {
        await LoadNetworksAsync(batch, ct).ConfigureAwait(false);

        // Accounts: explicit records first (they carry handles), then every account a post or interaction names, in
        // the order they are named; new ones take provisional ids until the batch's block of ids is reserved.
        var pending = new PendingAccounts();
        var updates = new Dictionary<(string, string), Account>();
        long duplicates = 0;
        foreach (var a in batch.Accounts)
        {
            var accounts = Accounts(a.Network);
            if (!accounts.TryGetValue(a.ExternalId, out var id))
            {
                pending.Add(accounts, _networks[a.Network], a.ExternalId, a.Handle, a.DisplayName);
            }
            else if (PendingAccounts.IsProvisional(id) || (a.Handle is null && a.DisplayName is null))
            {
                duplicates++;
            }
            else
            {
                updates[(a.Network, a.ExternalId)] = a;
            }
        }
        foreach (var p in batch.Posts)
        {
            pending.Resolve(Accounts(p.Network), _networks[p.Network], p.AuthorId);
        }
        var rows = ResolveInteractions(batch.Interactions, pending);
        await InsertAccountsAsync(pending, ct).ConfigureAwait(false);
        var updated = await UpdateAccountsAsync(updates.Values, ct).ConfigureAwait(false);
        duplicates += updates.Count - updated;

        var postsAdded = await InsertPostsAsync(batch, ct).ConfigureAwait(false);
        var interactionsAdded = await InsertInteractionsAsync(rows, pending, ct).ConfigureAwait(false);
        return ImportCounts.ForBatch(batch, pending.Count, updated, duplicates, postsAdded, interactionsAdded);
    }

    public async Task<ImportCounts> CommitAsync(ImportRunRecord run, CancellationToken ct = default)
    {
        // Rebuilding a deferred natural key removes the duplicates the load let through: they are counted here.
        var removed = _deferredIndexes is null ? 0 : await _deferredIndexes.RebuildAsync(_connection, _transaction, ct).ConfigureAwait(false);
        var counts = run.Counts with
        {
            InteractionsAdded = run.Counts.InteractionsAdded - removed,
            InteractionsDuplicate = run.Counts.InteractionsDuplicate + removed,
        };
        await using (var cmd = new NpgsqlCommand { Connection = _connection, Transaction = _transaction })
        {
            ImportRunSql.Bind(cmd, run with { Counts = counts }, startedAsText: false);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await _transaction.CommitAsync(ct).ConfigureAwait(false);
        _committed = true;
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed && _connection.State == System.Data.ConnectionState.Open)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }
        await _transaction.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task InsertAccountsAsync(PendingAccounts pending, CancellationToken ct)
    {
        if (pending.Count == 0)
        {
            return;
        }
        // Reserve a block of ids in one step; only imports create accounts, and they hold the advisory lock.
        long last;
        await using (var cmd = new NpgsqlCommand("""
            SELECT setval(pg_get_serial_sequence('accounts', 'id'), nextval(pg_get_serial_sequence('accounts', 'id')) + @n - 1)
            """, _connection, _transaction))
        {
            cmd.Parameters.AddWithValue("n", (long)pending.Count);
            last = Convert.ToInt64(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        var first = last - pending.Count + 1;
        pending.Assign(first);
        await using var writer = await _connection.BeginBinaryImportAsync(
            "COPY accounts (id, network_id, external_id, handle, display_name) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        var entries = pending.Entries;
        for (var k = 0; k < entries.Count; k++)
        {
            var account = entries[k];
            writer.StartRow();
            writer.Write(first + k, NpgsqlDbType.Bigint);
            writer.Write(account.NetworkId, NpgsqlDbType.Integer);
            writer.Write(account.ExternalId, NpgsqlDbType.Text);
            WriteNullable(writer, account.Handle);
            WriteNullable(writer, account.DisplayName);
        }
        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private async Task<long> UpdateAccountsAsync(IEnumerable<Account> updates, CancellationToken ct)
    {
        var list = updates.ToList();
        if (list.Count == 0)
        {
            return 0;
        }
        await using (var writer = await _connection.BeginBinaryImportAsync(
            "COPY tmp_account_updates (id, handle, display_name) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var a in list)
            {
                writer.StartRow();
                writer.Write(Accounts(a.Network)[a.ExternalId], NpgsqlDbType.Bigint);
                WriteNullable(writer, a.Handle);
                WriteNullable(writer, a.DisplayName);
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
        var updated = await ExecuteAsync("""
            UPDATE accounts a SET handle = coalesce(t.handle, a.handle), display_name = coalesce(t.display_name, a.display_name)
            FROM tmp_account_updates t
            WHERE a.id = t.id AND ((t.handle IS NOT NULL AND a.handle IS DISTINCT FROM t.handle)
                                OR (t.display_name IS NOT NULL AND a.display_name IS DISTINCT FROM t.display_name))
            """, ct).ConfigureAwait(false);
        await ExecuteAsync("TRUNCATE tmp_account_updates", ct).ConfigureAwait(false);
        return updated;
    }

    private async Task<long> InsertPostsAsync(ImportBatch batch, CancellationToken ct)
    {
        var posts = batch.Posts;
        if (posts.Count == 0)
        {
            return 0;
        }
        await using (var writer = await _connection.BeginBinaryImportAsync(
            "COPY tmp_posts (network_id, external_id, author_id, created_at_ms, text, hashtags, reply_to, quote_of, repost_of, topics, topics_taxonomy) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            for (var i = 0; i < posts.Count; i++)
            {
                var p = posts[i];
                writer.StartRow();
                writer.Write(_networks[p.Network], NpgsqlDbType.Integer);
                writer.Write(p.ExternalId, NpgsqlDbType.Text);
                writer.Write(Accounts(p.Network)[p.AuthorId], NpgsqlDbType.Bigint);
                writer.Write(p.CreatedAt.ToUnixTimeMilliseconds(), NpgsqlDbType.Bigint);
                WriteNullable(writer, p.Text);
                WriteNullable(writer, ImportBatchShape.Hashtags(p));
                WriteNullable(writer, p.ReplyToPostId);
                WriteNullable(writer, p.QuoteOfPostId);
                WriteNullable(writer, p.RepostOfPostId);
                WriteNullable(writer, batch.TopicsOf(i));
                if (batch.FingerprintOf(i) is { } fingerprint)
                {
                    writer.Write(fingerprint, NpgsqlDbType.Bigint);
                }
                else
                {
                    writer.WriteNull();
                }
            }
            await writer.CompleteAsync(ct).ConfigureAwait(false);
        }
        var added = await ExecuteAsync("""
            INSERT INTO posts (network_id, external_id, author_id, created_at_ms, text, hashtags, reply_to, quote_of, repost_of, topics, topics_taxonomy)
            SELECT network_id, external_id, author_id, created_at_ms, text, hashtags, reply_to, quote_of, repost_of, topics, topics_taxonomy FROM tmp_posts
            ON CONFLICT (network_id, external_id) DO NOTHING
            """, ct).ConfigureAwait(false);
        await ExecuteAsync("TRUNCATE tmp_posts", ct).ConfigureAwait(false);
        return added;
    }

    /// <summary>Interaction rows with account ids, provisional for accounts new in this batch, in batch order.</summary>
    private InteractionRow[] ResolveInteractions(List<Interaction> interactions, PendingAccounts pending)
    {
        var rows = new InteractionRow[interactions.Count];
        string? lastNetwork = null;
        Dictionary<string, long> accounts = null!;
        var networkId = 0;
        for (var k = 0; k < rows.Length; k++)
        {
            var i = interactions[k];
            if (!string.Equals(i.Network, lastNetwork, StringComparison.Ordinal))
            {
                (lastNetwork, accounts, networkId) = (i.Network, Accounts(i.Network), _networks[i.Network]);
            }
            var actor = pending.Resolve(accounts, networkId, i.ActorId);
            rows[k] = new InteractionRow(actor, pending.Resolve(accounts, networkId, i.TargetId), networkId, i, k);
        }
        return rows;
    }

    private async Task<long> InsertInteractionsAsync(InteractionRow[] rows, PendingAccounts pending, CancellationToken ct)
    {
        if (rows.Length == 0)
        {
            return 0;
        }
        if (pending.Count > 0)
        {
            for (var k = 0; k < rows.Length; k++)
            {
                ref var row = ref rows[k];
                if (PendingAccounts.IsProvisional(row.ActorId) || PendingAccounts.IsProvisional(row.TargetId))
                {
                    row = row with { ActorId = pending.Final(row.ActorId), TargetId = pending.Final(row.TargetId) };
                }
            }
        }
        Array.Sort(rows); // key order: neighbouring rows touch the same index pages

        // The table was empty and its key is deferred: copy straight in; duplicates are removed at commit.
        if (_deferredIndexes!.KeyDeferred("interactions"))
        {
            await CopyInteractionsAsync("interactions", rows, ct).ConfigureAwait(false);
            return rows.Length;
        }
        // Optimistic path: copy straight into the table. A duplicate makes COPY fail with a unique violation; the
        // savepoint undoes that batch, which is redone through the ON CONFLICT path, as is every later batch.
        if (!_duplicatesSeen)
        {
            await ExecuteAsync("SAVEPOINT bulk_copy", ct).ConfigureAwait(false);
            try
            {
                await CopyInteractionsAsync("interactions", rows, ct).ConfigureAwait(false);
                await ExecuteAsync("RELEASE SAVEPOINT bulk_copy", ct).ConfigureAwait(false);
                return rows.Length;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                await ExecuteAsync("ROLLBACK TO SAVEPOINT bulk_copy", ct).ConfigureAwait(false);
                _duplicatesSeen = true;
            }
        }
        await CopyInteractionsAsync("tmp_interactions", rows, ct).ConfigureAwait(false);
        var added = await ExecuteAsync("""
            INSERT INTO interactions (network_id, actor_id, target_id, kind, occurred_at_ms, post_key, weight)
            SELECT network_id, actor_id, target_id, kind, occurred_at_ms, post_key, weight FROM tmp_interactions
            ON CONFLICT DO NOTHING
            """, ct).ConfigureAwait(false);
        await ExecuteAsync("TRUNCATE tmp_interactions", ct).ConfigureAwait(false);
        return added;
    }

    private async Task CopyInteractionsAsync(string table, InteractionRow[] rows, CancellationToken ct)
    {
        await using var writer = await _connection.BeginBinaryImportAsync(
            $"COPY {table} (network_id, actor_id, target_id, kind, occurred_at_ms, post_key, weight) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            var i = row.Interaction;
            writer.StartRow();
            writer.Write(row.NetworkId, NpgsqlDbType.Integer);
            writer.Write(row.ActorId, NpgsqlDbType.Bigint);
            writer.Write(row.TargetId, NpgsqlDbType.Bigint);
            writer.Write((short)i.Kind, NpgsqlDbType.Smallint);
            writer.Write(UnixTime.ToMs(i.OccurredAt), NpgsqlDbType.Bigint);
            writer.Write(i.PostId ?? "", NpgsqlDbType.Text);
            writer.Write(i.Weight, NpgsqlDbType.Double);
        }
        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }

    private static void WriteNullable(NpgsqlBinaryImporter writer, string? value)
    {
        if (value is null) { writer.WriteNull(); } else { writer.Write(value, NpgsqlDbType.Text); }
    }

    /// <summary>Creates or loads every network the batch names, in order of first mention (accounts, posts, interactions).</summary>
    private async Task LoadNetworksAsync(ImportBatch batch, CancellationToken ct)
    {
        string? last = null;
        foreach (var network in batch.Accounts.Select(a => a.Network).Concat(batch.Posts.Select(p => p.Network)).Concat(batch.Interactions.Select(i => i.Network)))
        {
            if (!ReferenceEquals(network, last) && !_networks.ContainsKey(network))
            {
                await LoadNetworkAsync(network, ct).ConfigureAwait(false);
            }
            last = network;
        }
    }

    private async Task LoadNetworkAsync(string name, CancellationToken ct)
    {
        if (_networks.ContainsKey(name))
        {
            return;
        }
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO networks (name) VALUES (@name) ON CONFLICT (name) DO NOTHING;
            SELECT id FROM networks WHERE name = @name;
            """, _connection, _transaction))
        {
            cmd.Parameters.AddWithValue("name", name);
            _networks[name] = Convert.ToInt32(await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        var map = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT external_id, id FROM accounts WHERE network_id = @n", _connection, _transaction))
        {
            cmd.Parameters.AddWithValue("n", _networks[name]);
            await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                map[reader.GetString(0)] = reader.GetInt64(1);
            }
        }
        _accounts[_networks[name]] = map;
    }

    private Dictionary<string, long> Accounts(string network) => _accounts[_networks[network]];

    private async Task<long> ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, _connection, _transaction);
        return await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
