using Resonance.Application.Importing;
using Spectre.Console;

namespace Resonance.Cli.Commands;

/// <summary>The import summary: added, duplicates, skipped records, time and rate.</summary>
internal static class ImportSummaryView
{
    /// <param name="readerSkipped">Well-formed items the reader could not map (for example likes of unknown authors), by reason.</param>
    public static void Write(CliConsole console, ImportResult r, string database, bool json, bool dryRun = false,
        IReadOnlyList<KeyValuePair<string, long>>? readerSkipped = null)
    {
        var c = r.Counts;
        // Two channels report what readers read but did not import (records yielded as skips, and counts kept by path
        // readers); people see them as one list.
        var notImported = new Dictionary<string, long>(r.Skipped);
        foreach (var (reason, count) in readerSkipped ?? [])
        {
            notImported[reason] = notImported.GetValueOrDefault(reason) + count;
        }
        if (json)
        {
            console.WriteJson(new
            {
                database = dryRun ? null : database,
                dry_run = dryRun,
                accounts_added = c.AccountsAdded,
                accounts_updated = c.AccountsUpdated,
                posts_added = c.PostsAdded,
                interactions_added = c.InteractionsAdded,
                duplicates_skipped = c.DuplicatesSkipped,
                duplicates = new { accounts = c.AccountsDuplicate, posts = c.PostsDuplicate, interactions = c.InteractionsDuplicate },
                records_read = r.RecordsRead,
                errors_skipped = r.ErrorCount,
                erased_skipped = r.ErasedSkipped,
                claims_verified = r.ClaimsVerified,
                skipped = notImported,
                first_errors = r.FirstErrors.Select(e => e.ToString()).ToList(),
                elapsed_seconds = Math.Round(r.Elapsed.TotalSeconds, 3),
                records_per_second = Math.Round(r.RecordsPerSecond),
                not_imported = notImported, // the same map under the name the summary uses; `skipped` is kept for scripts
            });
            return;
        }
        var o = console.Out;
        if (dryRun)
        {
            o.WriteLine($"Checked {r.RecordsRead:N0} records in {r.Elapsed.TotalSeconds:F2} s ({r.RecordsPerSecond:N0} records/s); nothing was written.");
            WriteNotImported(o, notImported);
            WriteErrors(console, r);
            return;
        }
        o.MarkupLine($"Imported into [bold]{Markup.Escape(database)}[/] in {r.Elapsed.TotalSeconds:F2} s ({r.RecordsPerSecond:N0} records/s).");
        var table = new Table().Border(TableBorder.Simple).AddColumns("", "added", "duplicates skipped");
        table.AddRow("accounts", $"{c.AccountsAdded:N0}" + (c.AccountsUpdated > 0 ? $" (+{c.AccountsUpdated:N0} updated)" : ""), $"{c.AccountsDuplicate:N0}");
        table.AddRow("posts", $"{c.PostsAdded:N0}", $"{c.PostsDuplicate:N0}");
        table.AddRow("interactions", $"{c.InteractionsAdded:N0}", $"{c.InteractionsDuplicate:N0}");
        o.Write(table);
        o.WriteLine($"{r.RecordsRead:N0} records read, {c.DuplicatesSkipped:N0} duplicates skipped.");
        if (r.ErasedSkipped > 0)
        {
            o.WriteLine($"{r.ErasedSkipped:N0} records skipped because they are about people who opted out (kept erased).");
        }
        if (r.ClaimsVerified > 0)
        {
            o.WriteLine($"{r.ClaimsVerified:N0} account claim(s) verified by the one-time code posted from the account.");
        }
        WriteNotImported(o, notImported);
        WriteErrors(console, r);
    }

    /// <summary>Well-formed items the input holds but Resonance does not import, with why (for example Bluesky blocks,
    /// or likes whose author a Twitter archive does not name).</summary>
    private static void WriteNotImported(IAnsiConsole o, IReadOnlyDictionary<string, long> notImported)
    {
        if (notImported.Count == 0)
        {
            return;
        }
        o.WriteLine($"Not imported ({notImported.Values.Sum():N0} well-formed items Resonance does not use or cannot place):");
        foreach (var (what, count) in notImported)
        {
            o.WriteLine($"  {count,8:N0}  {what}");
        }
    }

    private static void WriteErrors(CliConsole console, ImportResult r)
    {
        if (r.ErrorCount > 0)
        {
            console.Error.WriteLine($"warning: --lenient skipped {r.ErrorCount:N0} malformed record(s); the first {r.FirstErrors.Count}:");
            foreach (var e in r.FirstErrors)
            {
                console.Error.WriteLine($"  {e}");
            }
        }
    }
}
