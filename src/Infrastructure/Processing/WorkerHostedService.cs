using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace VideoTube.Infrastructure.Processing;

/// <summary>
/// Runs Quartz's hosted service on workers only. Quartz builds every scheduler at host start even when it is told not
/// to start it, and building one connects to the job store; a web-only instance instead builds its scheduler on first
/// use (queueing a job, the health check), so it starts like the rest of the API while the database is unreachable
/// and reports that through /health/ready.
/// </summary>
internal sealed class WorkerHostedService(IServiceProvider services, ISchedulerFactory schedulers, IOptions<JobsOptions> options)
    : IHostedService
{
    private QuartzHostedService? _quartz;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.WorkerEnabled)
            return Task.CompletedTask;
        _quartz = ActivatorUtilities.CreateInstance<QuartzHostedService>(services);
        return _quartz.StartAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_quartz is not null)
        {
            await _quartz.StopAsync(cancellationToken);
            return;
        }
        // A web-only instance's scheduler was never started: shutting it down only releases its connections.
        foreach (var scheduler in await schedulers.GetAllSchedulers(cancellationToken))
            await scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
    }
}
