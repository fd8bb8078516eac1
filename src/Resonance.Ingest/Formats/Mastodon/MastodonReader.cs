using Resonance.Domain;
using Resonance.Ingest.Text;

namespace Resonance.Ingest.Formats.Mastodon;

/// <summary>Reads Mastodon REST API responses and Mastodon account-archive outboxes (<c>--format mastodon</c>).</summary>
/// <remarks>
/// A file is one JSON object, one JSON array, or JSON Lines (one response per line); all three are read the same way,
/// as a sequence of JSON values. What each value is (statuses, accounts, notifications, a context, an Activity Streams
/// outbox…) is recognised by its fields, see <see cref="MastodonResponse"/>. Accounts are identified by their full
/// address <c>user@instance</c> (see <see cref="FediverseAddress"/>) and posts by their ActivityPub <c>uri</c>, both
/// stable across instances. Input streams through <see cref="JsonValueScanner"/>, so memory stays flat; a malformed
/// object yields one error with the line where it starts and the field's path. See docs/data-formats.md.
/// </remarks>
public sealed class MastodonReader : IRecordReader
{
    /// <summary>Network used when <c>--network</c> is not given.</summary>
    public const string DefaultNetwork = "mastodon";

    public string Format => "mastodon";

    public string Description =>
        "Mastodon REST API JSON (statuses, accounts, notifications, context; object, array or JSON Lines) and account-archive outbox.json.";

    public string? Validate(ReaderOptions options) => ReaderOptionChecks.NetworkOnly(Format, options);

    public IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        return ReadValues(input, file, options.Network ?? DefaultNetwork);
    }

    private static IEnumerable<SourceRecord> ReadValues(TextReader input, string file, string network)
    {
        var scanner = new JsonValueScanner(new Utf8TextStream(input), file, MastodonResponse.StreamedProperties);
        var records = new MastodonRecordBuilder(network, file);
        while (scanner.Next(out var value))
        {
            if (value.Error is { } error)
            {
                yield return SourceRecord.Of(error);
                continue;
            }
            using (var document = value.Document!)
            {
                records.Begin(value.Utf8, value.Line, value.Response);
                if (value.TopLevel && document.RootElement.ValueKind is not (System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Array))
                {
                    records.Error(null, "must be a JSON object or array (a Mastodon API response)", document.RootElement);
                }
                else
                {
                    MastodonResponse.Map(records, document.RootElement);
                }
            }
            foreach (var record in records.Records)
            {
                yield return record;
            }
        }
    }
}
