using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Resonance.Storage.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PostTopics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "topics",
                table: "posts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "topics_taxonomy",
                table: "posts",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "topics",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "topics_taxonomy",
                table: "posts");
        }
    }
}
