using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VideoTube.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class LoginThrottle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "login_attempts",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    window_started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_login_attempts", x => x.key);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "login_attempts");
        }
    }
}
