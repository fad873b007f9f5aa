using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos.Processing;

/// <summary>
/// The job-scheduler port: asks the background workers to probe, thumbnail and transcode a video (see ADR-010).
/// </summary>
public interface IVideoProcessingQueue
{
    /// <summary>
    /// Inserts a new video and queues its processing job in one transaction, so the job exists exactly when the row
    /// does: no video waits for a job that was never queued, and no job runs for a row that was rolled back.
    /// </summary>
    Task AddAndEnqueueAsync(Video video, CancellationToken cancellationToken);

    /// <summary>Queues (again) the job of a video that already exists; joins the caller's transaction when one is open.</summary>
    Task EnqueueAsync(Guid videoId, CancellationToken cancellationToken);
}
