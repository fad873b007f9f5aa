using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Models;

namespace VideoTube.Application.Videos;

/// <summary>The video reads that aggregate, and the PostgreSQL-specific write of watching; each ONE statement.</summary>
public interface IVideoQueries
{
    Task<PaginatedList<VideoDto>> ListAsync(VideoFeedRequest request, Guid? callerId, CancellationToken cancellationToken);

    /// <summary>The video page with its like and channel figures; null when the caller may not see the video.</summary>
    Task<VideoDetailDto?> FindDetailAsync(Guid videoId, Guid callerId, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts the caller's history row for the video (watching again moves it to the top); a video deleted meanwhile
    /// is a no-op, not an error.
    /// </summary>
    Task RecordWatchAsync(Guid userId, Guid videoId, DateTime watchedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Points the owner's video at a new thumbnail in ONE statement and returns the key it pointed to until then, read
    /// under the row lock: of N concurrent replacements each old file is handed to exactly one of them, so each old
    /// file is deleted once and none is left behind. Null when the video is gone (or not the owner's).
    /// </summary>
    Task<ReplacedFile?> ReplaceThumbnailAsync(Guid videoId, Guid ownerId, string key,
        CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the owner's video in ONE statement and returns the file keys the row pointed to when it went (not the
    /// ones read earlier, which a concurrent thumbnail replacement may have changed). Null when nothing was deleted.
    /// </summary>
    Task<IReadOnlyList<string>?> DeleteAsync(Guid videoId, Guid ownerId, CancellationToken cancellationToken);
}

public enum VideoSortField
{
    CreatedAt,
    Views,
    Duration,
    Title,
}

/// <summary>A validated feed request: <see cref="Search"/> is trimmed and null when the client sent none.</summary>
public sealed record VideoFeedRequest(PageRequest Page, string? Search, Guid? OwnerId, VideoSortField SortBy, bool Descending)
{
    /// <summary>Set when the client sent a cursor: the page starts after it and <see cref="Page"/>'s number is ignored.</summary>
    public VideoFeedPosition? After { get; init; }
}
