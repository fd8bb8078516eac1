using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resonance.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TopicRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "account_topics",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    topic = table.Column<string>(type: "TEXT", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    posts = table.Column<int>(type: "INTEGER", nullable: false),
                    engagements = table.Column<double>(type: "REAL", nullable: false),
                    engagers = table.Column<int>(type: "INTEGER", nullable: false),
                    terms = table.Column<string>(type: "TEXT", nullable: false),
                    top_posts = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_account_topics", x => new { x.run_id, x.account_id, x.topic });
                });

            migrationBuilder.CreateTable(
                name: "topic_contributions",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    topic = table.Column<string>(type: "TEXT", nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    engager_id = table.Column<long>(type: "INTEGER", nullable: false),
                    reach = table.Column<double>(type: "REAL", nullable: false),
                    amplification = table.Column<double>(type: "REAL", nullable: false),
                    impact = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_topic_contributions", x => new { x.run_id, x.topic, x.account_id, x.engager_id });
                });

            migrationBuilder.CreateTable(
                name: "topic_scores",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    topic = table.Column<string>(type: "TEXT", nullable: false),
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
                    table.PrimaryKey("pk_topic_scores", x => new { x.run_id, x.account_id, x.topic });
                });

            migrationBuilder.CreateIndex(
                name: "ix_topic_contributions_engager",
                table: "topic_contributions",
                columns: new[] { "run_id", "topic", "engager_id" });

            migrationBuilder.CreateIndex(
                name: "ix_topic_scores_rank",
                table: "topic_scores",
                columns: new[] { "run_id", "topic", "rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "account_topics");

            migrationBuilder.DropTable(
                name: "topic_contributions");

            migrationBuilder.DropTable(
                name: "topic_scores");
        }
    }
}
