using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace VideoTube.Infrastructure.Processing;

/// <summary>
/// Ready when the job store answers and, on a worker, the scheduler is running. A web-only instance never starts
/// its scheduler (it only queues jobs), so there a reachable store is the whole check.
/// </summary>
public sealed class JobEngineHealthCheck(
    ISchedulerFactory schedulers, [FromKeyedServices(ProcessingServiceCollectionExtensions.DataSourceKey)] DbDataSource store,
    IOptions<JobsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // The store's tables first, without Quartz: a web-only instance builds its scheduler on first use, and a
            // scheduler whose build meets an unreachable database is shut down for good (Quartz cannot rebuild the
            // default scheduler), so a probe during an outage must not be what builds it.
            await using (var command = store.CreateCommand($"SELECT count(*) FROM {ProcessingServiceCollectionExtensions.TablePrefix}locks"))
                await command.ExecuteScalarAsync(cancellationToken);
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var status = await scheduler.GetStatus(cancellationToken);
            if (status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
                return HealthCheckResult.Unhealthy("The job scheduler is shut down");
            if (options.Value.WorkerEnabled && status != SchedulerStatus.Running)
                return HealthCheckResult.Unhealthy($"The job scheduler is not running ({status})");
            // Reads the job store's tables through Quartz itself.
            await scheduler.GetTriggerGroupNames(cancellationToken);
            return HealthCheckResult.Healthy(options.Value.WorkerEnabled ? "worker" : "web-only");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The job store is not reachable", exception);
        }
    }
}
