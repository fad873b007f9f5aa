using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;

namespace VideoTube.Infrastructure.Processing;

/// <summary>
/// Turns an upload into a playable video: probe, thumbnail when none was uploaded, HLS ladder, status. One job per
/// video (the job key is the video id) and never two runs of it at once. It is idempotent, because the job engine
/// delivers at least once (a recovered job re-runs from the start): a video no longer processing is left alone, and
/// renditions are written under the video's own prefix, which a new run clears first.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ProcessVideoJob(
    IServiceScopeFactory scopes, VideoTranscodePipeline pipeline, IRenditionStorage renditions,
    IOptions<JobsOptions> options, IJobMetrics metrics, ILogger<ProcessVideoJob> logger) : IJob
{
    public const string Group = "video-processing";
    /// <summary>The <c>job</c> tag of <c>videotube_jobs_total</c>.</summary>
    public const string MetricName = "process-video";

    public static JobKey KeyFor(Guid videoId) => new(videoId.ToString("N"), Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var videoId = Guid.ParseExact(context.JobDetail.Key.Name, "N");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var video = await db.Videos.AsNoTracking().Where(v => v.Id == videoId)
            .Select(v => new { v.Status, v.VideoFileKey, v.ThumbnailKey })
            .SingleOrDefaultAsync(cancellationToken);
        if (video is null || video.Status != VideoStatus.Processing)
            return; // deleted, or finished by an earlier run

        if (context.ScheduledFireTimeUtc is { } queuedAt && context.FireTimeUtc > queuedAt)
            logger.LogInformation("Video {VideoId}: picked up {Wait:F2} s after it was queued",
                videoId, (context.FireTimeUtc - queuedAt).TotalSeconds);

        var tempPath = options.Value.ResolveTempPath();
        // A run killed with its process (SIGKILL, OOM, a lost machine) could not remove its folder. No other run of
        // this video is alive now (DisallowConcurrentExecution, cluster-wide), so any folder of this video is litter.
        foreach (var stale in Directory.Exists(tempPath) ? Directory.GetDirectories(tempPath, $"{videoId:N}-*") : [])
            DeleteQuietly(stale);
        var workDir = Path.Combine(tempPath, $"{videoId:N}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workDir);
        try
        {
            // Whatever a run that died half-way through its upload left behind.
            await renditions.DeletePrefixAsync(VideoMedia.HlsPrefix(videoId), cancellationToken);
            await pipeline.RunAsync(new VideoWork(videoId, video.VideoFileKey, video.ThumbnailKey.Length == 0, workDir),
                db, cancellationToken);
            metrics.JobFinished(MetricName, "succeeded");
        }
        catch (UnplayableVideoException exception)
        {
            logger.LogWarning("Video {VideoId} cannot be processed: {Reason}", videoId, exception.Message);
            await VideoRowUpdates.FailedAsync(db, videoId, exception.Message, CancellationToken.None);
            metrics.JobFinished(MetricName, "failed");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            await renditions.DeletePrefixAsync(VideoMedia.HlsPrefix(videoId), CancellationToken.None);
            var attempt = context.RetryAttempt;
            var maxRetries = context.RetryPolicy?.MaxAttempts ?? 0;
            if (attempt < maxRetries)
            {
                logger.LogWarning(exception, "Processing video {VideoId} failed (attempt {Attempt} of {Attempts}); it will be retried",
                    videoId, attempt + 1, maxRetries + 1);
                metrics.JobFinished(MetricName, "retried");
                throw new JobExecutionException(exception);
            }
            logger.LogError(exception, "Processing video {VideoId} failed for good after {Attempts} attempts", videoId, attempt + 1);
            await VideoRowUpdates.FailedAsync(db, videoId,
                $"Processing failed after {attempt + 1} attempts: {exception.Message}", CancellationToken.None);
            metrics.JobFinished(MetricName, "failed");
        }
        finally
        {
            DeleteQuietly(workDir);
        }
    }

    private void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
                Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(exception, "Could not remove the job's temp folder {Directory}", directory);
        }
    }
}
