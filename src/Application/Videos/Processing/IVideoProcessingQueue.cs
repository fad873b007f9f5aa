namespace VideoTube.Application.Videos.Processing;

/// <summary>
/// The job-scheduler port: asks the background workers to probe, thumbnail and transcode a new video. Called inside
/// the transaction that inserts the video's row, so the job exists exactly when the row does (see ADR-006).
/// </summary>
public interface IVideoProcessingQueue
{
    Task EnqueueAsync(Guid videoId, CancellationToken cancellationToken);
}
