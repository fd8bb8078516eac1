using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resonance.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TopicContributionsWithoutEngagerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_topic_contributions_engager",
                table: "topic_contributions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_topic_contributions_engager",
                table: "topic_contributions",
                columns: new[] { "run_id", "topic", "engager_id" });
        }
    }
}
