using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Infrastructure.Data;
using VideoTube.Infrastructure.Identity;

namespace VideoTube.Infrastructure.Maintenance;

/// <summary>
/// Deletes login-throttle rows whose window has passed: every name ever tried leaves one, and an expired row means the
/// same as no row to the throttle, which restarts a window on the next failure. A failure racing the delete is safe
/// under READ COMMITTED: the delete re-checks its condition on the row the failure just renewed and leaves it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PruneLoginAttemptsJob(ApplicationDbContext db, IOptions<LoginThrottleOptions> throttle,
    TimeProvider clock, IJobMetrics metrics, ILogger<PruneLoginAttemptsJob> logger) : IJob
{
    public static readonly JobKey Key = new("prune-login-attempts", "maintenance");

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        metrics.RunMeteredAsync(Key, async () =>
        {
            var expiredBefore = clock.GetUtcNow().UtcDateTime - throttle.Value.Window;
            var deleted = await db.Set<LoginAttempt>().Where(a => a.WindowStartedAt < expiredBefore)
                .ExecuteDeleteAsync(cancellationToken);
            logger.LogInformation("Pruned {Deleted} expired login-throttle rows", deleted);
        });
}
