using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Resonance.Domain;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Collects the records of one scanned value and remembers, within one API response, what later statuses of
/// the same response refer to by the server's local ids.</summary>
/// <remarks>
/// Mastodon ids (<c>id</c>, <c>in_reply_to_id</c>, <c>in_reply_to_account_id</c>) are local to the server that answered,
/// so they are only resolved against the same response: a reply's parent status and parent author are found when the
/// response holds them (a context's thread, a timeline page). The lookups are cleared at each new response and when
/// they reach <see cref="MaxRemembered"/> entries, so memory stays flat.
/// </remarks>
internal sealed class MastodonRecordBuilder(string network, string file)
{
    /// <summary>Most statuses or accounts remembered per response.</summary>
    public const int MaxRemembered = 1 << 16;

    private readonly Dictionary<string, SeenStatus> statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> accounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> accountsWritten = new(StringComparer.Ordinal);
    private long response;
    private long line;
    private ReadOnlyMemory<byte> utf8;
    private long valueLine;
    private int lineOffset;

    /// <summary>A status seen in this response: its stable id (the ActivityPub <c>uri</c>) and its author's id.</summary>
    public readonly record struct SeenStatus(string Uri, string AuthorId);

    /// <summary>The network records are written to.</summary>
    public string Network { get; } = network;

    /// <summary>The records of the current value.</summary>
    public List<SourceRecord> Records { get; } = [];

    /// <summary>Starts a new scanned value: its bytes, the line it starts at and its response's number.</summary>
    public void Begin(ReadOnlyMemory<byte> value, long startLine, long responseNumber)
    {
        Records.Clear();
        utf8 = value;
        valueLine = line = startLine;
        lineOffset = 0;
        if (responseNumber != response || statuses.Count >= MaxRemembered || accounts.Count >= MaxRemembered || accountsWritten.Count >= MaxRemembered)
        {
            response = responseNumber;
            statuses.Clear();
            accounts.Clear();
            accountsWritten.Clear();
        }
    }

    /// <summary>Maps one object with <paramref name="map"/>; if it is malformed, its records are replaced by one error.</summary>
    public void Isolated(JsonElement element, Action<MastodonRecordBuilder, JsonElement> map)
    {
        MoveTo(element);
        var mark = Records.Count;
        try
        {
            map(this, element);
        }
        catch (MalformedFieldException e)
        {
            Records.RemoveRange(mark, Records.Count - mark);
            Records.Add(SourceRecord.Of(RecordError.At(file, line, e.Field, e.Message, e.Text)));
        }
    }

    /// <summary>Adds an error for a value that is not what its place in the response requires.</summary>
    public void Error(string? field, string message, JsonElement value)
    {
        MoveTo(value);
        Records.Add(SourceRecord.Of(RecordError.At(file, line, field, message, value.GetRawText())));
    }

    /// <summary>The address of an API account, writing its <see cref="Account"/> record once per response.</summary>
    public FediverseAddress Account(JsonElement account, string path)
    {
        var address = FediverseAddress.Of(account, path);
        Remember(account, address.Id, path);
        if (accountsWritten.Add(address.Id))
        {
            var name = JsonFields.OptionalString(account, "display_name", path);
            Records.Add(SourceRecord.Of(line, new Account(Network, address.Id, address.Handle, string.IsNullOrEmpty(name) ? null : name)));
        }
        return address;
    }

    /// <summary>The address of a mention (no record is written: the account is known only by its address).</summary>
    public FediverseAddress Mention(JsonElement mention, string path)
    {
        var address = FediverseAddress.Of(mention, path);
        Remember(mention, address.Id, path);
        return address;
    }

    /// <summary>The id of the account with local id <paramref name="localId"/>, if this response has shown it.</summary>
    public string? AccountById(string? localId) => localId is not null && accounts.TryGetValue(localId, out var id) ? id : null;

    /// <summary>The status with local id <paramref name="localId"/>, if this response has shown it.</summary>
    public SeenStatus? StatusById(string? localId) => localId is not null && statuses.TryGetValue(localId, out var seen) ? seen : null;

    /// <summary>Remembers a status under its local id.</summary>
    public void RememberStatus(string? localId, SeenStatus status)
    {
        if (localId is not null)
        {
            statuses[localId] = status;
        }
    }

    /// <summary>Adds a post.</summary>
    public void Add(Post post) => Records.Add(SourceRecord.Of(line, post));

    /// <summary>Adds an interaction.</summary>
    public void Add(DateTimeOffset? time, string actor, string target, InteractionKind kind, string? post) =>
        Records.Add(SourceRecord.Of(line, new Interaction(Network, time, actor, target, kind, post)));

    /// <summary>Sets the current line to where <paramref name="element"/> starts, counting line breaks in the value's bytes
    /// (elements are visited in order, so the count goes forward only).</summary>
    private void MoveTo(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        var bytes = utf8.Span;
        var offset = (int)Unsafe.ByteOffset(ref MemoryMarshal.GetReference(bytes), ref MemoryMarshal.GetReference(raw));
        if (offset < 0 || offset > bytes.Length)
        {
            return;
        }
        if (offset < lineOffset)
        {
            lineOffset = 0;
            line = valueLine;
        }
        line += bytes[lineOffset..offset].Count((byte)'\n');
        lineOffset = offset;
    }

    private void Remember(JsonElement account, string id, string path)
    {
        if (JsonFields.OptionalString(account, "id", path) is { } localId)
        {
            accounts[localId] = id;
        }
    }
}
