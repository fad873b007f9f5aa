using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace VideoTube.Infrastructure.Processing;

/// <summary>
/// Ready when the job store answers and, on a worker, the scheduler is running. A web-only instance never starts
/// its scheduler (it only queues jobs), so there a reachable store is the whole check.
/// </summary>
public sealed class JobEngineHealthCheck(ISchedulerFactory schedulers, IOptions<JobsOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            var status = await scheduler.GetStatus(cancellationToken);
            if (status is SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown)
                return HealthCheckResult.Unhealthy("The job scheduler is shut down");
            if (options.Value.WorkerEnabled && status != SchedulerStatus.Running)
                return HealthCheckResult.Unhealthy($"The job scheduler is not running ({status})");
            // Reads the job store's tables: proves the database and the Quartz schema are there.
            await scheduler.GetTriggerGroupNames(cancellationToken);
            return HealthCheckResult.Healthy(options.Value.WorkerEnabled ? "worker" : "web-only");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The job store is not reachable", exception);
        }
    }
}
