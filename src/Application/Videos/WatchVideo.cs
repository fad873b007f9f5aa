using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Videos;

/// <summary>Opening a video page is a command: it counts a view and records the caller's watch history.</summary>
public sealed record WatchVideoCommand(Guid VideoId);

/// <summary>
/// Reads the page in ONE statement (which doubles as the visibility check: others' unpublished videos do not exist
/// for the caller), records the watch in one more, and counts the view in memory (<see cref="IViewCounter"/>): no row
/// lock on the video, however many watch it at once.
/// </summary>
public sealed class WatchVideoHandler(IVideoQueries videos, IViewCounter views, ICurrentUser currentUser,
    TimeProvider clock)
{
    public async Task<VideoDetailDto> HandleAsync(WatchVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var videoId = command.VideoId;

        var page = await videos.FindDetailAsync(videoId, userId, cancellationToken)
                   ?? throw new NotFoundException(VideoAccess.NotFoundMessage);

        // One row per (user, video): watching again moves the video to the top (chai-backend never wrote history,
        // quirk 13).
        await videos.RecordWatchAsync(userId, videoId, clock.GetUtcNow().UtcDateTime, cancellationToken);

        // The stored figure lags by the views this instance has not flushed yet; adding them shows the caller's own.
        return page with { Views = page.Views + views.Count(videoId) };
    }
}
