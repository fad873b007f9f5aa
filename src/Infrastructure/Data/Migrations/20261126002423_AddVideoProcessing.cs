using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoTube.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddVideoProcessing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "failure_reason",
                table: "videos",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "height",
                table: "videos",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hls_key",
                table: "videos",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "progress",
                table: "videos",
                type: "integer",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "videos",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "ready");

            migrationBuilder.AddColumn<int>(
                name: "width",
                table: "videos",
                type: "integer",
                nullable: true);

            // Videos uploaded before processing existed play their original file, so they are ready as they are;
            // the defaults only served to fill those rows, every new row states its own values.
            migrationBuilder.Sql("ALTER TABLE videos ALTER COLUMN status DROP DEFAULT, ALTER COLUMN progress DROP DEFAULT;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "failure_reason",
                table: "videos");

            migrationBuilder.DropColumn(
                name: "height",
                table: "videos");

            migrationBuilder.DropColumn(
                name: "hls_key",
                table: "videos");

            migrationBuilder.DropColumn(
                name: "progress",
                table: "videos");

            migrationBuilder.DropColumn(
                name: "status",
                table: "videos");

            migrationBuilder.DropColumn(
                name: "width",
                table: "videos");
        }
    }
}
