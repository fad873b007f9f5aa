using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VideoTube.Infrastructure.Views;

/// <summary>
/// Stores the buffered views every <see cref="ViewsOptions.FlushInterval"/> (sooner when the buffer is full) and once
/// more on a graceful stop. A failed flush keeps its counts for the next one, so an outage delays views but loses
/// none unless the process ends before the database is back (ADR-014).
/// </summary>
public sealed class ViewFlushService(BufferedViewCounter counter, IOptions<ViewsOptions> options,
    ILogger<ViewFlushService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FlushInterval;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await counter.WaitUntilDueAsync(interval, stoppingToken);
                await counter.FlushAsync(stoppingToken);
                if (failing)
                    logger.LogInformation("Buffered views are stored again");
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                if (!failing)
                    logger.LogWarning(exception, "Storing buffered views failed; {Views} views are kept and retried", counter.PendingViews);
                failing = true;
                // Not sooner than the interval, even when the full buffer asks again: the database is struggling.
                try { await Task.Delay(interval, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await counter.FlushAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Stopping without storing {Views} buffered views", counter.PendingViews);
        }
    }
}
