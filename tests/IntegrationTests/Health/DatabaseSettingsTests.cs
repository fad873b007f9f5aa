using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace VideoTube.IntegrationTests.Health;

/// <summary>The <c>Database</c> settings reach the connections the API opens.</summary>
public sealed class DatabaseSettingsTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:PlanCacheMode"] = "force_generic_plan",
        ["Database:MaxPoolSize"] = "7",
    };

    [Test]
    public async Task Automatic_preparation_the_pool_size_and_the_plan_cache_mode_are_applied()
    {
        var connectionString = await WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.That((settings.MaxAutoPrepare, settings.AutoPrepareMinUsages, settings.MaxPoolSize), Is.EqualTo((64, 2, 7)));

        var mode = await WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync());
        Assert.That(mode, Is.EqualTo("force_generic_plan"));
    }

    [Test]
    public void Unset_the_pool_holds_four_connections_per_processor()
    {
        var options = new VideoTube.Infrastructure.Data.DatabaseOptions();
        var settings = new NpgsqlConnectionStringBuilder(options.Apply("Host=h;Maximum Pool Size=100;Minimum Pool Size=50"));
        Assert.That((settings.MaxPoolSize, settings.MinPoolSize),
            Is.EqualTo((4 * Environment.ProcessorCount, Math.Min(50, 4 * Environment.ProcessorCount))));
    }
}
