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
        Add(cmd, "@s", startedAsText ? run.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : run.StartedAt);
        Add(cmd, "@f", startedAsText ? run.FinishedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : run.FinishedAt);
        Add(cmd, "@fmt", run.Format);
        Add(cmd, "@files", string.Join('\n', run.Files));
        Add(cmd, "@len", run.Lenient);
        Add(cmd, "@read", run.RecordsRead);
        Add(cmd, "@err", run.ErrorsSkipped);
        Add(cmd, "@aa", run.Counts.AccountsAdded);
        Add(cmd, "@au", run.Counts.AccountsUpdated);
        Add(cmd, "@pa", run.Counts.PostsAdded);
        Add(cmd, "@ia", run.Counts.InteractionsAdded);
        Add(cmd, "@dup", run.Counts.DuplicatesSkipped);
    }

    private static void Add(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}
