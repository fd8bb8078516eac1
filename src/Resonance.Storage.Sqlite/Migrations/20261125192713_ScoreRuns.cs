using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resonance.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ScoreRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_scores",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false),
                    score = table.Column<double>(type: "REAL", nullable: false),
                    low = table.Column<double>(type: "REAL", nullable: false),
                    high = table.Column<double>(type: "REAL", nullable: false),
                    raw = table.Column<double>(type: "REAL", nullable: false),
                    @base = table.Column<double>(name: "base", type: "REAL", nullable: false),
                    reach = table.Column<double>(type: "REAL", nullable: false),
                    amplification = table.Column<double>(type: "REAL", nullable: false),
                    impact = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_scores", x => new { x.run_id, x.account_id });
                });

            migrationBuilder.CreateTable(
                name: "score_contributions",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    engager_id = table.Column<long>(type: "INTEGER", nullable: false),
                    reach = table.Column<double>(type: "REAL", nullable: false),
                    amplification = table.Column<double>(type: "REAL", nullable: false),
                    impact = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_score_contributions", x => new { x.run_id, x.account_id, x.engager_id });
                });

            migrationBuilder.CreateTable(
                name: "score_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    algorithm = table.Column<string>(type: "TEXT", nullable: false),
                    network = table.Column<string>(type: "TEXT", nullable: true),
                    as_of_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    parameters_json = table.Column<string>(type: "TEXT", nullable: false),
                    watermark_latest_ms = table.Column<long>(type: "INTEGER", nullable: true),
                    watermark_interactions = table.Column<long>(type: "INTEGER", nullable: false),
                    code_revision = table.Column<string>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    timings_json = table.Column<string>(type: "TEXT", nullable: false),
                    calibration_json = table.Column<string>(type: "TEXT", nullable: false),
                    amplification_prior_rate = table.Column<double>(type: "REAL", nullable: false),
                    accounts_scored = table.Column<int>(type: "INTEGER", nullable: false),
                    pairs = table.Column<int>(type: "INTEGER", nullable: false),
                    pagerank_iterations = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_score_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_account_scores_rank",
                table: "account_scores",
                columns: new[] { "run_id", "rank" });

            migrationBuilder.CreateIndex(
                name: "ix_score_contributions_engager",
                table: "score_contributions",
                columns: new[] { "run_id", "engager_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_scores");

            migrationBuilder.DropTable(
                name: "score_contributions");

            migrationBuilder.DropTable(
                name: "score_runs");
        }
    }
}
