using VideoTube.Application.Common.Access;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Videos;

public sealed record GetVideoByIdQuery(Guid VideoId);

/// <summary>
/// Opens a video: counts the view and records it in the caller's watch history (two single-statement writes, no
/// read-modify-write), then reads the page in ONE statement. Others' unpublished videos do not exist for the caller.
/// </summary>
public sealed class GetVideoByIdHandler(IApplicationDbContext db, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<VideoDetailDto> HandleAsync(GetVideoByIdQuery query, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var videoId = query.VideoId;

        // The visibility rule doubles as the existence check: no row updated means not found for this caller.
        var counted = await db.Videos.VisibleTo(userId)
            .Where(v => v.Id == videoId)
            .ExecuteUpdateAsync(setters => setters.SetProperty(v => v.Views, v => v.Views + 1), cancellationToken);
        if (counted == 0)
            throw new NotFoundException(VideoMedia.NotFoundMessage);

        // One row per (user, video): watching again moves the video to the top (chai-backend never wrote history,
        // quirk 13). The EXISTS guard turns a concurrent delete of the video into a no-op instead of an FK error.
        var watchedAt = clock.GetUtcNow().UtcDateTime;
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO watch_history (user_id, video_id, watched_at)
            SELECT {userId}, {videoId}, {watchedAt}
            WHERE EXISTS (SELECT 1 FROM videos WHERE id = {videoId})
            ON CONFLICT (user_id, video_id) DO UPDATE SET watched_at = EXCLUDED.watched_at
            """, cancellationToken);

        return await db.Videos.AsNoTracking().VisibleTo(userId)
                   .Where(v => v.Id == videoId)
                   .Select(v => new VideoDetailDto
                   {
                       Id = v.Id,
                       VideoFile = v.VideoFile,
                       Thumbnail = v.Thumbnail,
                       Title = v.Title,
                       Description = v.Description,
                       Duration = v.Duration,
                       Views = v.Views,
                       IsPublished = v.IsPublished,
                       Status = v.Status,
                       Progress = v.Progress,
                       Width = v.Width,
                       Height = v.Height,
                       Hls = v.Hls,
                       FailureReason = v.OwnerId == userId ? v.FailureReason : null,
                       CreatedAt = v.CreatedAt,
                       UpdatedAt = v.UpdatedAt,
                       LikesCount = db.Likes.Count(l => l.VideoId == v.Id),
                       IsLiked = db.Likes.Any(l => l.VideoId == v.Id && l.LikedById == userId),
                       Owner = new VideoOwnerDto
                       {
                           Id = v.Owner!.Id,
                           Username = v.Owner.UserName!,
                           FullName = v.Owner.FullName,
                           Avatar = v.Owner.Avatar,
                           SubscribersCount = db.Subscriptions.Count(s => s.ChannelId == v.OwnerId),
                           IsSubscribed = db.Subscriptions.Any(s => s.ChannelId == v.OwnerId && s.SubscriberId == userId),
                       },
                   })
                   .SingleOrDefaultAsync(cancellationToken)
               ?? throw new NotFoundException(VideoMedia.NotFoundMessage);
    }
}
