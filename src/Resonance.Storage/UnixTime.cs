using Resonance.Storage.Entities;

namespace Resonance.Storage;

/// <summary>Times are stored as Unix milliseconds (UTC) in BIGINT columns, the same on SQLite and PostgreSQL.</summary>
internal static class UnixTime
{
    public static long ToMs(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds() ?? InteractionEntity.Untimed;

    public static DateTimeOffset? FromMs(long? ms) =>
        ms is null or InteractionEntity.Untimed ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms.Value);
}
