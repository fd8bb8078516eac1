using System.Data.Common;
using Resonance.Application.Scoring;

namespace Resonance.Storage.Scoring;

/// <summary>The <c>score_runs</c> header row: the insert both run writers use and the read every query shares.</summary>
internal static class ScoreRunSql
{
    /// <summary>Columns in the order <see cref="Read"/> expects them.</summary>
    public const string Columns = """
        id, algorithm, parameters_json, watermark_latest_ms, watermark_interactions, code_revision, started_at, finished_at,
        timings_json, calibration_json, amplification_prior_rate, accounts_scored, pairs, pagerank_iterations
        """;

    /// <summary>Prepares the header insert; executing it as a scalar returns the new run id.</summary>
    public static void BindInsert(DbCommand cmd, ScoreRunInfo info)
    {
        cmd.CommandText = """
            INSERT INTO score_runs (algorithm, network, as_of_ms, parameters_json, watermark_latest_ms, watermark_interactions,
                                    code_revision, started_at, finished_at, timings_json, calibration_json,
                                    amplification_prior_rate, accounts_scored, pairs, pagerank_iterations)
            VALUES (@alg, @net, @asof, @params, @wlatest, @wcount, @rev, @started, @finished, @timings, @calibration,
                    @prior, @scored, @pairs, @iterations)
            RETURNING id
            """;
        cmd.AddParameter("@alg", info.Algorithm.ToString());
        cmd.AddParameter("@net", info.Parameters.Network);
        cmd.AddParameter("@asof", info.Parameters.AsOfMs);
        cmd.AddParameter("@params", ScoreRunJson.Parameters(info.Parameters));
        cmd.AddParameter("@wlatest", info.WatermarkLatestMs);
        cmd.AddParameter("@wcount", info.WatermarkInteractions);
        cmd.AddParameter("@rev", info.CodeRevision);
        cmd.AddParameter("@started", StoredTime(info.StartedAt));
        cmd.AddParameter("@finished", StoredTime(info.FinishedAt));
        cmd.AddParameter("@timings", ScoreRunJson.Timings(info.Timings));
        cmd.AddParameter("@calibration", ScoreRunJson.Calibration(info.CalibrationQuantiles));
        cmd.AddParameter("@prior", info.AmplificationPriorRate);
        cmd.AddParameter("@scored", info.AccountsScored);
        cmd.AddParameter("@pairs", info.Pairs);
        cmd.AddParameter("@iterations", info.PageRankIterations);
    }

    /// <summary>Maps a row selected with <see cref="Columns"/>.</summary>
    public static ScoreRunInfo Read(DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        Algorithm = AlgorithmId.Parse(r.GetString(1)),
        Parameters = ScoreRunJson.Parameters(r.GetString(2)),
        WatermarkLatestMs = r.IsDBNull(3) ? null : r.GetInt64(3),
        WatermarkInteractions = r.GetInt64(4),
        CodeRevision = r.GetString(5),
        StartedAt = r.GetFieldValue<DateTimeOffset>(6),
        FinishedAt = r.GetFieldValue<DateTimeOffset>(7),
        Timings = ScoreRunJson.Timings(r.GetString(8)),
        CalibrationQuantiles = ScoreRunJson.Calibration(r.GetString(9)),
        AmplificationPriorRate = r.GetDouble(10),
        AccountsScored = r.GetInt32(11),
        Pairs = r.GetInt32(12),
        PageRankIterations = r.GetInt32(13),
    };

    /// <summary>
    /// Run times are kept in UTC to the microsecond on both providers (PostgreSQL's <c>timestamptz</c> resolution), so a
    /// run reads back the same from either; Npgsql also refuses a non-UTC offset for <c>timestamptz</c>.
    /// </summary>
    public static DateTimeOffset StoredTime(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }
}
