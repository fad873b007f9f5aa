using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
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
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
        await db.Database.MigrateAsync();
    }
}
