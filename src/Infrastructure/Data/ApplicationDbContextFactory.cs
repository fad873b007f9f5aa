using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace VideoTube.Infrastructure.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build the context without starting the API. The connection string comes from
/// <c>ConnectionStrings__VideoTube</c>, falling back to the local development server.
/// </summary>
public sealed class ApplicationDbContextFactory : IDesignTimeDbContextFactory<ApplicationDbContext>
{
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Database=videotube;Username=postgres;Password=postgres";

    public ApplicationDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__VideoTube") ?? DefaultConnectionString;
        var options = new DbContextOptionsBuilder<ApplicationDbContext>();
        DependencyInjection.ConfigureDbContext(options, connectionString);
        return new ApplicationDbContext(options.Options);
    }
}
