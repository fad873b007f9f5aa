using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoTube.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class VideoDraftsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_videos_owner_drafts",
                table: "videos",
                columns: new[] { "owner_id", "created_at", "id" },
                descending: new[] { false, true, true },
                filter: "NOT is_published");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_videos_owner_drafts",
                table: "videos");
        }
    }
}
