using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using VideoTube.Infrastructure.Data;

namespace VideoTube.IntegrationTests.Videos;

/// <summary>The MediaKeysNotUrls migration turns URLs frozen at upload time into keys, whatever base they were made with.</summary>
public sealed class MediaKeysMigrationTests
{
    private const string Before = "20261125153103_InitialSchema";

    [Test]
    public async Task Stored_urls_become_keys_and_back()
    {
        var connectionString = await PostgresServer.CreateDatabaseAsync();
        try
        {
            var options = new DbContextOptionsBuilder<ApplicationDbContext>();
            VideoTube.Infrastructure.DependencyInjection.ConfigureDbContext(options, connectionString);
            await using var context = new ApplicationDbContext(options.Options);
            var migrator = context.GetService<IMigrator>();
            await migrator.MigrateAsync(Before);

            var userId = Guid.NewGuid();
            await ExecuteAsync(connectionString, $"""
                INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed,
                    phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, full_name, avatar,
                    cover_image, created_at, updated_at)
                VALUES ('{userId}', 'old', 'OLD', 'old@example.com', 'OLD@EXAMPLE.COM', true, false, false, true, 0, 'Old',
                    'http://localhost:8000/media/avatars/2026/11/a.png', '', now(), now());
                INSERT INTO videos (id, video_file, thumbnail, video_file_key, thumbnail_key, title, description, duration,
                    views, is_published, owner_id, created_at, updated_at)
                VALUES ('{Guid.NewGuid()}', 'https://cdn.example.com/x/media/videos/2026/11/v.mp4', '/media/thumbnails/2026/11/t.png',
                    '', '', 't', 'd', 1, 0, true, '{userId}', now(), now());
                """);

            await migrator.MigrateAsync();
            Assert.That(await ReadAsync(connectionString,
                    "SELECT avatar_key || '|' || cover_image_key || '|' || video_file_key || '|' || thumbnail_key " +
                    "FROM users JOIN videos ON videos.owner_id = users.id"),
                Is.EqualTo("avatars/2026/11/a.png||videos/2026/11/v.mp4|thumbnails/2026/11/t.png"));

            await migrator.MigrateAsync(Before);
            Assert.That(await ReadAsync(connectionString,
                    "SELECT avatar || '|' || cover_image || '|' || video_file || '|' || thumbnail " +
                    "FROM users JOIN videos ON videos.owner_id = users.id"),
                Is.EqualTo("/media/avatars/2026/11/a.png||/media/videos/2026/11/v.mp4|/media/thumbnails/2026/11/t.png"));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> ReadAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
