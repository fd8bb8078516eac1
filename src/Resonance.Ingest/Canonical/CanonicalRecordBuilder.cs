using System.Globalization;
using Resonance.Domain;

namespace Resonance.Ingest.Canonical;

/// <summary>Collects one canonical record's field values (as text) and validates them into a domain record or an error.</summary>
/// <remarks>Shared by the JSONL and CSV readers so that both formats apply exactly the same rules. Reused from line to line.</remarks>
internal sealed class CanonicalRecordBuilder
{
    private readonly string?[] values = new string?[CanonicalSchema.FieldCount];
    private readonly List<string> hashtags = [];

    /// <summary>The text of a field; null when absent (or JSON null, or an empty CSV cell).</summary>
    public string? this[CanonicalField field]
    {
        get => values[(int)field];
        set => values[(int)field] = value;
    }

    /// <summary>Raw hashtags, in file order; normalised by <see cref="Build"/>.</summary>
    public List<string> Hashtags => hashtags;

    /// <summary>Forgets all values, ready for the next record.</summary>
    public void Clear()
    {
        Array.Clear(values);
        hashtags.Clear();
    }

    /// <summary>Validates the collected values as a record of <paramref name="type"/>.</summary>
    /// <param name="type">The record type.</param>
    /// <param name="file">File name for errors.</param>
    /// <param name="line">Physical line for the record and errors.</param>
    /// <param name="defaultNetwork">The <c>--network</c> value, used when the record has none.</param>
    /// <param name="recordText">The record's text, quoted in errors about missing fields.</param>
    public SourceRecord Build(CanonicalType type, string file, long line, string? defaultNetwork, ReadOnlySpan<char> recordText)
    {
        foreach (var field in CanonicalSchema.Fields(type))
        {
            if (this[field] is null && CanonicalSchema.Requires(type, field) && !(field == CanonicalField.Network && defaultNetwork is not null))
            {
                var name = CanonicalSchema.Name(field);
                return Error(file, line, name, $"is required in {CanonicalSchema.TypeName(type)} records", recordText);
            }
            if (this[field] is { Length: 0 } && field != CanonicalField.Text && field != CanonicalField.DisplayName && field != CanonicalField.Handle)
            {
                return Error(file, line, CanonicalSchema.Name(field), "must not be empty", recordText);
            }
        }
        var network = this[CanonicalField.Network] ?? defaultNetwork!;
        if (NetworkName.Problem(network) is { } problem)
        {
            return Error(file, line, "network", problem, network);
        }
        return type switch
        {
            CanonicalType.Account => SourceRecord.Of(line, new Account(
                network, this[CanonicalField.Id]!, this[CanonicalField.Handle], this[CanonicalField.DisplayName])),
            CanonicalType.Post => BuildPost(network, file, line),
            _ => BuildInteraction(network, file, line),
        };
    }

    private SourceRecord BuildPost(string network, string file, long line)
    {
        var createdText = this[CanonicalField.Created]!;
        if (!IsoTime.TryParse(createdText, out var created))
        {
            return Error(file, line, "created", IsoTime.Problem, createdText);
        }
        var post = new Post(
            network,
            this[CanonicalField.Id]!,
            this[CanonicalField.Author]!,
            created,
            this[CanonicalField.Text],
            Text.Hashtags.Normalise(hashtags),
            this[CanonicalField.ReplyTo],
            this[CanonicalField.QuoteOf],
            this[CanonicalField.RepostOf]);
        return SourceRecord.Of(line, post);
    }

    private SourceRecord BuildInteraction(string network, string file, long line)
    {
        DateTimeOffset? time = null;
        if (this[CanonicalField.Time] is { } timeText)
        {
            if (!IsoTime.TryParse(timeText, out var parsed))
            {
                return Error(file, line, "time", IsoTime.Problem, timeText);
            }
            time = parsed;
        }
        var kindText = this[CanonicalField.Kind]!;
        if (!InteractionKinds.TryParse(kindText, out var kind))
        {
            return Error(file, line, "kind", $"must be one of {InteractionKinds.Names}", kindText);
        }
        var weight = 1.0;
        if (this[CanonicalField.Weight] is { } weightText
            && (!double.TryParse(weightText, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !double.IsFinite(weight) || weight <= 0))
        {
            return Error(file, line, "weight", "must be a finite number greater than 0", weightText);
        }
        var interaction = new Interaction(
            network, time, this[CanonicalField.Actor]!, this[CanonicalField.Target]!, kind, this[CanonicalField.Post], weight);
        return SourceRecord.Of(line, interaction);
    }

    private static SourceRecord Error(string file, long line, string? field, string message, ReadOnlySpan<char> text) =>
        SourceRecord.Of(RecordError.At(file, line, field, message, text));
}
