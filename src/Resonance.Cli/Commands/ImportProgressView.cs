using System.Diagnostics;
using Resonance.Application.Importing;
using Spectre.Console;

namespace Resonance.Cli.Commands;

/// <summary>Shows import progress: a live bar on a terminal, a plain line every two seconds otherwise.</summary>
internal static class ImportProgressView
{
    public static async Task<ImportResult> RunAsync(CliConsole console, IReadOnlyList<ImportSource> sources,
        Func<Action<ImportProgress>, Task<ImportResult>> run)
    {
        var totalBytes = Math.Max(1, sources.Sum(s => s.TotalBytes));
        var doneBefore = new long[sources.Count + 1];
        for (var i = 0; i < sources.Count; i++)
        {
            doneBefore[i + 1] = doneBefore[i] + sources[i].TotalBytes;
        }
        double Fraction(ImportProgress p) => Math.Min(1.0, (doneBefore[p.FileIndex] + p.BytesRead) / (double)totalBytes);

        if (console.Interactive)
        {
            ImportResult? result = null;
            await console.Out.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var task = ctx.AddTask("importing", maxValue: 1.0);
                    result = await run(p =>
                    {
                        task.Description = $"{Path.GetFileName(p.File)} · {p.RecordsRead:N0} records";
                        task.Value = Fraction(p);
                    }).ConfigureAwait(false);
                    task.Value = 1.0;
                }).ConfigureAwait(false);
            return result!;
        }

        var clock = Stopwatch.StartNew();
        var lastPrinted = TimeSpan.Zero;
        return await run(p =>
        {
            if (clock.Elapsed - lastPrinted >= TimeSpan.FromSeconds(2))
            {
                lastPrinted = clock.Elapsed;
                console.Error.WriteLine($"import: {p.File} {Fraction(p) * 100:F0}% ({p.RecordsRead:N0} records, {p.Errors:N0} skipped, {clock.Elapsed.TotalSeconds:F0} s)");
            }
        }).ConfigureAwait(false);
    }
}
