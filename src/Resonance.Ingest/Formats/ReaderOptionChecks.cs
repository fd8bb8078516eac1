using Resonance.Domain;

namespace Resonance.Ingest.Formats;

/// <summary>Option checks shared by the readers' <see cref="IRecordReader.Validate"/>.</summary>
internal static class ReaderOptionChecks
{
    /// <summary>For formats that take an optional <c>--network</c> and no <c>--kind</c> (the file says what each record is).</summary>
    public static string? NetworkOnly(string format, ReaderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kind is { } kind)
        {
            return $"--kind {InteractionKinds.Name(kind)} does not apply to format '{format}', whose records say what they are";
        }
        return options.Network is null ? null : NetworkName.Problem(options.Network);
    }
}
