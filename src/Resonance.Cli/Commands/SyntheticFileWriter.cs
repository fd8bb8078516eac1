using System.Diagnostics;
using System.Text;
using Resonance.Application.Synthetic;
using Resonance.Ingest.Canonical;
using Spectre.Console;

namespace Resonance.Cli.Commands;

/// <summary>Writes a generated dataset (and its ground truth) to files, atomically: a temporary file renamed into place.</summary>
internal static class SyntheticFileWriter
{
    public sealed record Written(long Records, long Bytes, TimeSpan Elapsed);

    public static async Task<Written> WriteAsync(CliConsole console, SyntheticDataset dataset, string outPath, string? truthPath, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long records = 0;
        var lastReport = TimeSpan.Zero;
        void Write(Action<long> report)
        {
            using var stream = new FileStream(outPath + ".partial", FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 20);
            var writer = new CanonicalJsonlWriter(text);
            foreach (var record in dataset.Records)
            {
                writer.Write(record);
                if ((++records & 0xFFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    report(records);
                }
            }
        }

        try
        {
            if (console.Interactive)
            {
                await console.Out.Status().StartAsync($"generating {dataset.Accounts:N0} people", ctx =>
                {
                    Write(n => ctx.Status($"generating {dataset.Accounts:N0} people · {n:N0} records"));
                    return Task.CompletedTask;
                }).ConfigureAwait(false);
            }
            else
            {
                Write(n =>
                {
                    if (clock.Elapsed - lastReport >= TimeSpan.FromSeconds(2))
                    {
                        lastReport = clock.Elapsed;
                        console.Error.WriteLine($"generate: {n:N0} records ({clock.Elapsed.TotalSeconds:F0} s)");
                    }
                });
            }
            File.Move(outPath + ".partial", outPath, overwrite: true);
            if (truthPath is not null)
            {
                await using (var truth = new FileStream(truthPath + ".partial", FileMode.Create, FileAccess.Write))
                {
                    dataset.Truth.WriteJson(truth);
                }
                File.Move(truthPath + ".partial", truthPath, overwrite: true);
            }
        }
        finally
        {
            File.Delete(outPath + ".partial");
            if (truthPath is not null)
            {
                File.Delete(truthPath + ".partial");
            }
        }
        return new Written(records, new FileInfo(outPath).Length, clock.Elapsed);
    }
}
