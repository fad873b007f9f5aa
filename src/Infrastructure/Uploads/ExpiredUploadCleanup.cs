using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Uploads;
using VideoTube.Infrastructure.Data;
using VideoTube.Infrastructure.Data.Queries;

namespace VideoTube.Infrastructure.Uploads;

/// <summary>
/// Deletes expired uploads: their parts in storage, then their rows. Every instance runs it; <c>SKIP LOCKED</c> lets
/// instances share the work, and taking each upload's claim (<see cref="UploadQueries"/>) for the transaction passes
/// over one a PATCH is writing right now. A finished upload's row is kept until it expires too (so its client can
/// still read the video id), then removed; its video stays.
/// </summary>
public sealed class ExpiredUploadCleanup(IServiceScopeFactory scopes, IOptions<UploadOptions> options, TimeProvider clock,
    ILogger<ExpiredUploadCleanup> logger) : BackgroundService
{
    private const int BatchSize = 100;

    /// <summary>
    /// A batch of expired uploads, each claimed for this transaction. The claim is tried on expired rows only (the index
    /// condition comes first); one taken on a row the LIMIT then leaves out only makes a PATCH of that expired upload
    /// answer 409 instead of 410 until this commits.
    /// </summary>
    private static readonly string ExpiredBatchSql = $$"""
        SELECT * FROM uploads WHERE expires_at <= {0} AND pg_try_advisory_xact_lock({{UploadQueries.ClaimKeyOf("id")}})
        ORDER BY expires_at LIMIT {{BatchSize}} FOR UPDATE SKIP LOCKED
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "Expired upload cleanup failed; retrying in {Interval}", options.Value.CleanupInterval);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Removes every upload expired by now, in batches; returns how many were removed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var removed = 0;
        while (true)
        {
            var batch = await RemoveBatchAsync(cancellationToken);
            removed += batch;
            if (batch < BatchSize)
                break;
        }
        if (removed > 0)
            logger.LogInformation("Removed {Count} expired uploads", removed);
        return removed;
    }

    private async Task<int> RemoveBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<IMediaStorage>();
        var now = clock.GetUtcNow().UtcDateTime;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var expired = await db.Uploads.FromSqlRaw(ExpiredBatchSql, now).ToListAsync(cancellationToken);
        // Parts first: if deleting them fails, the rows stay and the next run tries again (no orphaned objects).
        foreach (var key in expired.SelectMany(u => u.PartKeys))
            await storage.DeleteAsync(key, cancellationToken);
        db.Uploads.RemoveRange(expired);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expired.Count;
    }
}
