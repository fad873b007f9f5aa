using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace VideoTube.IntegrationTests.Health;

/// <summary>The <c>Database</c> settings reach the connections the API opens.</summary>
public sealed class DatabaseSettingsTests : ApiTestBase
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:PlanCacheMode"] = "force_generic_plan",
    };

    [Test]
    public async Task Automatic_preparation_and_the_plan_cache_mode_are_applied()
    {
        var connectionString = await WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        Assert.That((settings.MaxAutoPrepare, settings.AutoPrepareMinUsages), Is.EqualTo((64, 2)));

        var mode = await WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync());
        Assert.That(mode, Is.EqualTo("force_generic_plan"));
    }
}
