using Microsoft.EntityFrameworkCore;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data;

namespace VideoTube.Infrastructure.Processing;

/// <summary>
/// The job's writes to a video row. Each is one UPDATE guarded by <c>status = processing</c>, so a job can never
/// overwrite the outcome of another run, and a row deleted meanwhile simply matches nothing.
/// </summary>
public static class VideoRowUpdates
{
    public static Task<int> ProgressAsync(ApplicationDbContext db, Guid videoId, int progress, CancellationToken ct) =>
        Processing(db, videoId).ExecuteUpdateAsync(s => s.SetProperty(v => v.Progress, progress), ct);

    /// <summary>Only fills an empty thumbnail, so a retried job does not replace the one it made before.</summary>
    public static Task<int> ThumbnailAsync(ApplicationDbContext db, Guid videoId, string key, CancellationToken ct) =>
        Processing(db, videoId).Where(v => v.ThumbnailKey == "")
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ThumbnailKey, key), ct);

    public static Task<int> ReadyAsync(ApplicationDbContext db, Guid videoId, ProbeResult probe, string hlsKey,
        CancellationToken ct) =>
        Processing(db, videoId).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Status, VideoStatus.Ready)
            .SetProperty(v => v.Progress, 100)
            .SetProperty(v => v.Duration, probe.Duration)
            .SetProperty(v => v.Width, probe.Width)
            .SetProperty(v => v.Height, probe.Height)
            .SetProperty(v => v.HlsKey, hlsKey)
            .SetProperty(v => v.FailureReason, (string?)null), ct);

    public static Task<int> FailedAsync(ApplicationDbContext db, Guid videoId, string reason, CancellationToken ct)
    {
        var trimmed = reason.Length <= Video.MaxFailureReasonLength ? reason : reason[..(Video.MaxFailureReasonLength - 3)] + "...";
        return Processing(db, videoId).ExecuteUpdateAsync(s => s
            .SetProperty(v => v.Status, VideoStatus.Failed)
            .SetProperty(v => v.FailureReason, trimmed), ct);
    }

    private static IQueryable<Video> Processing(ApplicationDbContext db, Guid videoId) =>
        db.Videos.Where(v => v.Id == videoId && v.Status == VideoStatus.Processing);
}
