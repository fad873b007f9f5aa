using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoTube.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Rows keep storage keys only; URLs are built per response. Existing URLs were all made as
    /// <c>{PublicBaseUrl}/media/{key}</c>, so the key is what follows the first <c>/media/</c>, whatever host, port
    /// or base they were frozen with. Videos already had key columns (filled from the URL where empty, to be safe).
    /// </summary>
    public partial class MediaKeysNotUrls : Migration
    {
        private const string KeyOfUrl = "substring({0} from '/media/(.*)$')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql($"""
                UPDATE videos SET video_file_key = {string.Format(KeyOfUrl, "video_file")}
                WHERE video_file_key = '' AND video_file LIKE '%/media/%';
                UPDATE videos SET thumbnail_key = {string.Format(KeyOfUrl, "thumbnail")}
                WHERE thumbnail_key = '' AND thumbnail LIKE '%/media/%';
                """);
            migrationBuilder.DropColumn(name: "thumbnail", table: "videos");
            migrationBuilder.DropColumn(name: "video_file", table: "videos");

            migrationBuilder.RenameColumn(name: "avatar", table: "users", newName: "avatar_key");
            migrationBuilder.RenameColumn(name: "cover_image", table: "users", newName: "cover_image_key");
            migrationBuilder.Sql($"""
                UPDATE users SET avatar_key = {string.Format(KeyOfUrl, "avatar_key")} WHERE avatar_key LIKE '%/media/%';
                UPDATE users SET cover_image_key = {string.Format(KeyOfUrl, "cover_image_key")} WHERE cover_image_key LIKE '%/media/%';
                """);
            migrationBuilder.AlterColumn<string>(
                name: "avatar_key",
                table: "users",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1024)",
                oldMaxLength: 1024);
            migrationBuilder.AlterColumn<string>(
                name: "cover_image_key",
                table: "users",
                type: "character varying(512)",
                maxLength: 512,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1024)",
                oldMaxLength: 1024);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to stored URLs; root-relative ones, since the base the rows were made with is not known any more.
            migrationBuilder.AlterColumn<string>(
                name: "avatar_key",
                table: "users",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512);
            migrationBuilder.AlterColumn<string>(
                name: "cover_image_key",
                table: "users",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(512)",
                oldMaxLength: 512);
            migrationBuilder.RenameColumn(name: "avatar_key", table: "users", newName: "avatar");
            migrationBuilder.RenameColumn(name: "cover_image_key", table: "users", newName: "cover_image");
            migrationBuilder.Sql("""
                UPDATE users SET avatar = '/media/' || avatar WHERE avatar <> '';
                UPDATE users SET cover_image = '/media/' || cover_image WHERE cover_image <> '';
                """);

            migrationBuilder.AddColumn<string>(
                name: "thumbnail",
                table: "videos",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                defaultValue: "");
            migrationBuilder.AddColumn<string>(
                name: "video_file",
                table: "videos",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: false,
                defaultValue: "");
            migrationBuilder.Sql("""
                UPDATE videos SET video_file = '/media/' || video_file_key, thumbnail = '/media/' || thumbnail_key;
                """);
        }
    }
}
