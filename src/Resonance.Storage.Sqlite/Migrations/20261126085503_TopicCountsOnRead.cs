using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resonance.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TopicCountsOnRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "engagements",
                table: "topic_scores",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "engagers",
                table: "topic_scores",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "posts",
                table: "topic_scores",
                type: "INTEGER",
                nullable: true);

            // Runs stored before keep their evidence counts (for lists and community labels), taken from account_topics.
            migrationBuilder.Sql("""
                UPDATE topic_scores SET
                    posts = (SELECT a.posts FROM account_topics a WHERE a.run_id = topic_scores.run_id AND a.account_id = topic_scores.account_id AND a.topic = topic_scores.topic),
                    engagements = (SELECT a.engagements FROM account_topics a WHERE a.run_id = topic_scores.run_id AND a.account_id = topic_scores.account_id AND a.topic = topic_scores.topic),
                    engagers = (SELECT a.engagers FROM account_topics a WHERE a.run_id = topic_scores.run_id AND a.account_id = topic_scores.account_id AND a.topic = topic_scores.topic)
                """);

            migrationBuilder.DropTable(
                name: "account_topics");

            migrationBuilder.DropTable(
                name: "topic_contributions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "engagements",
                table: "topic_scores");

            migrationBuilder.DropColumn(
                name: "engagers",
                table: "topic_scores");

            migrationBuilder.DropColumn(
                name: "posts",
                table: "topic_scores");

            migrationBuilder.CreateTable(
                name: "account_topics",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    account_id = table.Column<long>(type: "INTEGER", nullable: false),
                    topic = table.Column<string>(type: "TEXT", nullable: false),
                    engagements = table.Column<double>(type: "REAL", nullable: false),
                    engagers = table.Column<int>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    posts = table.Column<int>(type: "INTEGER", nullable: false),
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
                    amplification = table.Column<double>(type: "REAL", nullable: false),
                    impact = table.Column<double>(type: "REAL", nullable: false),
                    reach = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_topic_contributions", x => new { x.run_id, x.topic, x.account_id, x.engager_id });
                });
        }
    }
}
