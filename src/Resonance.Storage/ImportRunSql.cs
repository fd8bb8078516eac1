using System.Data.Common;
using Resonance.Application.Importing;

namespace Resonance.Storage;

/// <summary>The insert that records a committed import run, shared by both providers.</summary>
internal static class ImportRunSql
{
    public static void Bind(DbCommand cmd, ImportRunRecord run, bool startedAsText)
    {
        cmd.CommandText = """
            INSERT INTO import_runs (started_at, finished_at, format, files, lenient, records_read, errors_skipped,
                                     accounts_added, accounts_updated, posts_added, interactions_added, duplicates_skipped)
            VALUES (@s, @f, @fmt, @files, @len, @read, @err, @aa, @au, @pa, @ia, @dup)
            """;
        cmd.AddParameter("@s", startedAsText ? run.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : run.StartedAt);
        cmd.AddParameter("@f", startedAsText ? run.FinishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : run.FinishedAt);
        cmd.AddParameter("@fmt", run.Format);
        cmd.AddParameter("@files", string.Join('\n', run.Files));
        cmd.AddParameter("@len", run.Lenient);
        cmd.AddParameter("@read", run.RecordsRead);
        cmd.AddParameter("@err", run.ErrorsSkipped);
        cmd.AddParameter("@aa", run.Counts.AccountsAdded);
        cmd.AddParameter("@au", run.Counts.AccountsUpdated);
        cmd.AddParameter("@pa", run.Counts.PostsAdded);
        cmd.AddParameter("@ia", run.Counts.InteractionsAdded);
        cmd.AddParameter("@dup", run.Counts.DuplicatesSkipped);
    }
}
