using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Npgsql;
using VideoTube.Infrastructure.Data;

namespace VideoTube.WebApi.Infrastructure;

public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations when <c>Database:MigrateOnStartup</c> is true (the default in Development).</summary>
    public static async Task MigrateDatabaseIfConfiguredAsync(this WebApplication app)
    {
        var configured = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup;
        if (!(configured ?? app.Environment.IsDevelopment()))
            return;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        // EF reads the history table before creating it; on an empty database that read fails and is logged as an
        // error although nothing is wrong. Creating the table first (idempotent) keeps a clean first start clean.
        try
        {
            var database = db.GetService<IRelationalDatabaseCreator>();
            if (!await database.ExistsAsync())
                await database.CreateAsync();
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        }
        catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.UniqueViolation
                                                     or PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.DuplicateDatabase)
        {
            // Replicas starting together (compose --scale) race to create the database and the table; one wins.
        }
        await db.Database.MigrateAsync();
    }
}
