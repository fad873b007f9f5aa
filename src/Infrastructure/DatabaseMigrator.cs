using Microsoft.EntityFrameworkCore;
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
        await db.Database.MigrateAsync();
    }
}
