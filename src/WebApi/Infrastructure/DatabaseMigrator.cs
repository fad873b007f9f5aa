using Microsoft.EntityFrameworkCore;
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
        // Requests get a short command timeout so a stalled database fails fast; building an index must not.
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        await db.Database.MigrateAsync();
    }
}
