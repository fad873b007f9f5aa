using Microsoft.Extensions.Logging;
using Quartz;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Infrastructure.Maintenance;

/// <summary>
/// The scheduled run of <see cref="ICounterRepair"/> (the on-demand one is the WebApi's <c>repair-counters</c> verb).
/// A firing missed while no worker was up is dropped rather than caught up: the next one repairs the same drift.
/// </summary>
[DisallowConcurrentExecution]
public sealed class RepairCountersJob(ICounterRepair repair, IJobMetrics metrics, ILogger<RepairCountersJob> logger) : IJob
{
    public static readonly JobKey Key = new("repair-counters", "maintenance");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        metrics.RunMeteredAsync(Key, async () =>
        {
            var corrected = await repair.RepairAsync(cancellationToken);
            logger.LogInformation("Scheduled counter repair corrected {Corrected} rows", corrected);
        });
}
