using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace VideoTube.Infrastructure.Data;

/// <summary>
/// Readiness: one round trip to PostgreSQL within <see cref="DatabaseOptions.ReadinessTimeout"/>. The wait is bounded
/// here rather than by the driver, because a paused server accepts the TCP connection and then never answers; the
/// abandoned probe ends on its own once the command timeout fires.
/// </summary>
public sealed class DatabaseReadyCheck(IConfiguration configuration, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var connectionString = DependencyInjection.ApplicationConnectionString(configuration, settings);
        using var timeout = new CancellationTokenSource(settings.ReadinessTimeout);
        var probe = ProbeAsync(connectionString, timeout.Token);
        try
        {
            await probe.WaitAsync(settings.ReadinessTimeout, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            _ = probe.ContinueWith(static t => t.Exception, TaskScheduler.Default); // observed, never rethrown
            return HealthCheckResult.Unhealthy("database did not answer", exception);
        }
    }

    private static async Task ProbeAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
