using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace VideoTube.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class FeedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_videos_is_published_created_at",
                table: "videos");

            migrationBuilder.DropIndex(
                name: "ix_videos_search",
                table: "videos");

            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "videos",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "to_tsvector('english'::regconfig, ((title)::text || ' ') || (description)::text)",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_videos_published_created_at_id",
                table: "videos",
                columns: new[] { "created_at", "id" },
                descending: new bool[0],
                filter: "is_published");

            migrationBuilder.CreateIndex(
                name: "ix_videos_published_search_vector",
                table: "videos",
                column: "search_vector",
                filter: "is_published")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_videos_published_created_at_id",
                table: "videos");

            migrationBuilder.DropIndex(
                name: "ix_videos_published_search_vector",
                table: "videos");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "videos");

            migrationBuilder.CreateIndex(
                name: "ix_videos_is_published_created_at",
                table: "videos",
                columns: new[] { "is_published", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_videos_search",
                table: "videos",
                columns: new[] { "title", "description" })
                .Annotation("Npgsql:IndexMethod", "GIN")
                .Annotation("Npgsql:TsVectorConfig", "english");
        }
    }
}
