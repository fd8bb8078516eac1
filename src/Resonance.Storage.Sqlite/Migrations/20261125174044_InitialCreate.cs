using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resonance.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    network_id = table.Column<int>(type: "INTEGER", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", nullable: false),
                    handle = table.Column<string>(type: "TEXT", nullable: true),
                    display_name = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    started_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    format = table.Column<string>(type: "TEXT", nullable: false),
                    files = table.Column<string>(type: "TEXT", nullable: false),
                    lenient = table.Column<bool>(type: "INTEGER", nullable: false),
                    records_read = table.Column<long>(type: "INTEGER", nullable: false),
                    errors_skipped = table.Column<long>(type: "INTEGER", nullable: false),
                    accounts_added = table.Column<long>(type: "INTEGER", nullable: false),
                    accounts_updated = table.Column<long>(type: "INTEGER", nullable: false),
                    posts_added = table.Column<long>(type: "INTEGER", nullable: false),
                    interactions_added = table.Column<long>(type: "INTEGER", nullable: false),
                    duplicates_skipped = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "interactions",
                columns: table => new
                {
                    actor_id = table.Column<long>(type: "INTEGER", nullable: false),
                    target_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<short>(type: "INTEGER", nullable: false),
                    occurred_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    post_key = table.Column<string>(type: "TEXT", nullable: false, defaultValue: ""),
                    network_id = table.Column<int>(type: "INTEGER", nullable: false),
                    weight = table.Column<double>(type: "REAL", nullable: false, defaultValue: 1.0)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_interactions", x => new { x.actor_id, x.target_id, x.kind, x.occurred_at_ms, x.post_key });
                });

            migrationBuilder.CreateTable(
                name: "networks",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_networks", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    network_id = table.Column<int>(type: "INTEGER", nullable: false),
                    external_id = table.Column<string>(type: "TEXT", nullable: false),
                    author_id = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at_ms = table.Column<long>(type: "INTEGER", nullable: false),
                    text = table.Column<string>(type: "TEXT", nullable: true),
                    hashtags = table.Column<string>(type: "TEXT", nullable: true),
                    reply_to = table.Column<string>(type: "TEXT", nullable: true),
                    quote_of = table.Column<string>(type: "TEXT", nullable: true),
                    repost_of = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_posts", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_network_id_external_id",
                table: "accounts",
                columns: new[] { "network_id", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_interactions_target",
                table: "interactions",
                column: "target_id");

            migrationBuilder.CreateIndex(
                name: "IX_networks_name",
                table: "networks",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_posts_author_id",
                table: "posts",
                column: "author_id");

            migrationBuilder.CreateIndex(
                name: "IX_posts_network_id_external_id",
                table: "posts",
                columns: new[] { "network_id", "external_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropTable(
                name: "import_runs");

            migrationBuilder.DropTable(
                name: "interactions");

            migrationBuilder.DropTable(
                name: "networks");

            migrationBuilder.DropTable(
                name: "posts");
        }
    }
}
