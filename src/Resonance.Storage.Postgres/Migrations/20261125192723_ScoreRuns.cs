using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Resonance.Storage.Postgres.Migrations
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
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    low = table.Column<double>(type: "double precision", nullable: false),
                    high = table.Column<double>(type: "double precision", nullable: false),
                    raw = table.Column<double>(type: "double precision", nullable: false),
                    @base = table.Column<double>(name: "base", type: "double precision", nullable: false),
                    reach = table.Column<double>(type: "double precision", nullable: false),
                    amplification = table.Column<double>(type: "double precision", nullable: false),
                    impact = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_scores", x => new { x.run_id, x.account_id });
                });

            migrationBuilder.CreateTable(
                name: "score_contributions",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    engager_id = table.Column<long>(type: "bigint", nullable: false),
                    reach = table.Column<double>(type: "double precision", nullable: false),
                    amplification = table.Column<double>(type: "double precision", nullable: false),
                    impact = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_score_contributions", x => new { x.run_id, x.account_id, x.engager_id });
                });

            migrationBuilder.CreateTable(
                name: "score_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    algorithm = table.Column<string>(type: "text", nullable: false),
                    network = table.Column<string>(type: "text", nullable: true),
                    as_of_ms = table.Column<long>(type: "bigint", nullable: false),
                    parameters_json = table.Column<string>(type: "text", nullable: false),
                    watermark_latest_ms = table.Column<long>(type: "bigint", nullable: true),
                    watermark_interactions = table.Column<long>(type: "bigint", nullable: false),
                    code_revision = table.Column<string>(type: "text", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    timings_json = table.Column<string>(type: "text", nullable: false),
                    calibration_json = table.Column<string>(type: "text", nullable: false),
                    amplification_prior_rate = table.Column<double>(type: "double precision", nullable: false),
                    accounts_scored = table.Column<int>(type: "integer", nullable: false),
                    pairs = table.Column<int>(type: "integer", nullable: false),
                    pagerank_iterations = table.Column<int>(type: "integer", nullable: false)
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
