using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoTube.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionFeedMergeIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_videos_owner_id_created_at",
                table: "videos");

            migrationBuilder.CreateIndex(
                name: "ix_videos_owner_id_created_at_id",
                table: "videos",
                columns: new[] { "owner_id", "created_at", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_videos_owner_id_created_at_id",
                table: "videos");

            migrationBuilder.CreateIndex(
                name: "ix_videos_owner_id_created_at",
                table: "videos",
                columns: new[] { "owner_id", "created_at" });
        }
    }
}
