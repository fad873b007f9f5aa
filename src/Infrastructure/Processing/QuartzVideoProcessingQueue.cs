using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Quartz;
using VideoTube.Application.Videos.Processing;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;

namespace VideoTube.Infrastructure.Processing;

/// <summary>
/// Queues <see cref="ProcessVideoJob"/> in Quartz's PostgreSQL job store. When the caller has a transaction open on
/// the same database, the job store joins it: the job row and the video row commit or roll back together.
/// </summary>
public sealed class QuartzVideoProcessingQueue(ISchedulerFactory schedulers, ApplicationDbContext db, IOptions<JobsOptions> options)
    : IVideoProcessingQueue
{
    public async Task AddAndEnqueueAsync(Video video, CancellationToken cancellationToken)
    {
        // A caller already in a transaction (a tus upload's last PATCH saves in one) keeps it: the video and its
        // job then commit with the caller's work; otherwise this is its own transaction.
        var owned = db.Database.CurrentTransaction is null
            ? await db.Database.BeginTransactionAsync(cancellationToken)
            : null;
        await using (owned)
        {
            db.Videos.Add(video);
            await db.SaveChangesAsync(cancellationToken);
            await EnqueueAsync(video.Id, cancellationToken);
            if (owned is not null)
                await owned.CommitAsync(cancellationToken);
        }
    }

    public async Task EnqueueAsync(Guid videoId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var settings = options.Value;
        var job = JobBuilder.Create<ProcessVideoJob>()
            .WithIdentity(ProcessVideoJob.KeyFor(videoId))
            .WithDescription("Probe, thumbnail and transcode a video to HLS")
            // A worker that dies mid-transcode leaves the job to be re-run by another one.
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(ProcessVideoJob.KeyFor(videoId).Name, ProcessVideoJob.Group)
            .ForJob(job)
            .StartNow()
            .WithRetryPolicy(RetryPolicy.Exponential(settings.RetryCount, settings.RetryInitialDelay,
                settings.RetryBackoffFactor, maxDelay: null))
            .Build();

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (transaction is null)
        {
            await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
            return;
        }
        using (scheduler.EnlistTransaction(transaction))
            await scheduler.ScheduleJob(job, trigger, default, cancellationToken);
    }
}
