using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Videos;

/// <summary>Opening a video page is a command: it counts a view and records the caller's watch history.</summary>
public sealed record WatchVideoCommand(Guid VideoId);

/// <summary>
/// Counts the view and records it in the caller's watch history (two single-statement writes, no read-modify-write),
/// then reads the page in ONE statement. Others' unpublished videos do not exist for the caller.
/// </summary>
public sealed class WatchVideoHandler(IApplicationDbContext db, IVideoQueries videos, ICurrentUser currentUser,
    TimeProvider clock)
{
    public async Task<VideoDetailDto> HandleAsync(WatchVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var videoId = command.VideoId;

        // The visibility rule doubles as the existence check: no row updated means not found for this caller.
        var counted = await db.Videos.VisibleTo(userId)
            .Where(v => v.Id == videoId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(v => v.Views, v => v.Views + 1), cancellationToken);
        if (counted == 0)
            throw new NotFoundException(VideoAccess.NotFoundMessage);

        // One row per (user, video): watching again moves the video to the top (chai-backend never wrote history,
        // quirk 13).
        await videos.RecordWatchAsync(userId, videoId, clock.GetUtcNow().UtcDateTime, cancellationToken);

        return await videos.FindDetailAsync(videoId, userId, cancellationToken)
               ?? throw new NotFoundException(VideoAccess.NotFoundMessage);
    }
}
