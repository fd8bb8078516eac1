using Resonance.Domain;

namespace Resonance.Ingest;

/// <summary>Reads one input format into canonical records, streaming, one record at a time.</summary>
/// <remarks>
/// Implementations never buffer the whole input and never throw for a malformed record: they yield a
/// <see cref="SourceRecord"/> carrying a <see cref="RecordError"/> and go on with the next line.
/// I/O failures (unreadable file, corrupt gzip) do throw.
/// </remarks>
public interface IRecordReader
{
    /// <summary>The format name used with <c>--format</c>, for example <c>higgs-activity</c>.</summary>
    string Format { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Checks the options this format needs (for example <c>--kind</c> for edge lists); returns the problem or null.</summary>
    string? Validate(ReaderOptions options);

    /// <summary>Reads records from <paramref name="input"/>, which is already decompressed text.</summary>
    /// <param name="input">The text to read.</param>
    /// <param name="file">The file name to put in error messages.</param>
    /// <param name="options">Network, kind and other per-import settings.</param>
    IEnumerable<SourceRecord> Read(TextReader input, string file, ReaderOptions options);
}

/// <summary>Per-import settings passed to every reader.</summary>
/// <param name="Network">The <c>--network</c> value, if given; readers with a natural default (higgs, cascades) use it when null.</param>
/// <param name="Kind">The <c>--kind</c> value, if given.</param>
public sealed record ReaderOptions(string? Network = null, InteractionKind? Kind = null);
