using System.Data.Common;

namespace Resonance.Storage;

/// <summary>Plain ADO.NET helpers for reports and reads that run unchanged on SQLite and PostgreSQL (no change tracking).</summary>
internal static class AdoCommands
{
    /// <summary>Adds a named parameter; null becomes <see cref="DBNull"/>.</summary>
    public static void AddParameter(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
    }

    /// <summary>Creates a command with its parameters (names as written in the SQL, for example <c>@run</c>).</summary>
    public static DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            cmd.AddParameter(name, value);
        }
        return cmd;
    }

    /// <summary>Runs a query and maps every row.</summary>
    public static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(connection, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var list = new List<T>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            list.Add(map(reader));
        }
        return list;
    }

    /// <summary>Runs a query and returns its first value, or null when there is no row or the value is NULL.</summary>
    public static async Task<object?> ScalarAsync(DbConnection connection, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(connection, sql, parameters);
        var value = await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }
}
