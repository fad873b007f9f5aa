using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Media;

namespace VideoTube.Application.Videos;

public sealed record DeleteVideoCommand(Guid VideoId);

/// <summary>
/// Owner-only delete. The database cascades to comments, likes (on the video and on its comments), playlist entries
/// and watch history, which chai-backend left dangling; the files go once the row is gone.
/// </summary>
public sealed class DeleteVideoHandler(
    IApplicationDbContext db, ICurrentUser currentUser, IMediaStorage storage, IRenditionStorage renditions,
    ILogger<DeleteVideoHandler> logger)
{
    public async Task HandleAsync(DeleteVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var video = await db.Videos.AsNoTracking().Where(v => v.Id == command.VideoId)
                        .Select(v => new { v.OwnerId, v.VideoFileKey, v.ThumbnailKey })
                        .SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(VideoMedia.NotFoundMessage);
        VideoMedia.EnsureOwner(video.OwnerId, userId);

        var deleted = await db.Videos.Where(v => v.Id == command.VideoId && v.OwnerId == userId)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
            throw new NotFoundException(VideoMedia.NotFoundMessage);
        await VideoFiles.DeleteQuietlyAsync(storage, logger, video.VideoFileKey, video.ThumbnailKey);
        // A job still running for this video finds the row gone and removes what it stored itself.
        await VideoFiles.DeleteRenditionsQuietlyAsync(renditions, logger, command.VideoId);
    }
}
