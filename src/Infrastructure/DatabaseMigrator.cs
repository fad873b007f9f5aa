using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VideoTube.Infrastructure.Data;

namespace VideoTube.Infrastructure;

public static class DatabaseMigrator
{
    /// <summary>Applies pending migrations when <c>Database:MigrateOnStartup</c> is true (the default in Development).</summary>
    public static async Task MigrateDatabaseIfConfiguredAsync(this IHost host)
    {
        var configured = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup;
        if (!(configured ?? host.Services.GetRequiredService<IHostEnvironment>().IsDevelopment()))
            return;
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        // Requests get a short command timeout so a stalled database fails fast; building an index must not.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        // EF reads the history table before creating it; on an empty database that read fails and is logged as an
        // error although nothing is wrong. Creating the table first (idempotent) keeps a clean first start clean.
        try
        {
            var database = db.GetService<IRelationalDatabaseCreator>();
            if (!await database.ExistsAsync())
                await database.CreateAsync();
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        }
        catch (Exception exception) when (DatabaseErrorTranslator.IsAlreadyCreated(exception))
        {
            // Replicas starting together (compose --scale) race to create the database and the table; one wins.
        }
        await db.Database.MigrateAsync();
    }
}
