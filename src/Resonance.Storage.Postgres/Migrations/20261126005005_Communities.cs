using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resonance.Storage.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Communities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "communities",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    size = table.Column<int>(type: "integer", nullable: false),
                    scored = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communities", x => new { x.run_id, x.community_id });
                });

            migrationBuilder.CreateTable(
                name: "community_members",
                columns: table => new
                {
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    account_id = table.Column<long>(type: "bigint", nullable: false),
                    community_id = table.Column<int>(type: "integer", nullable: false),
                    community_rank = table.Column<int>(type: "integer", nullable: false),
                    centrality = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_members", x => new { x.run_id, x.account_id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_community_members_rank",
                table: "community_members",
                columns: new[] { "run_id", "community_id", "community_rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "communities");

            migrationBuilder.DropTable(
                name: "community_members");
        }
    }
}
