using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using VideoTube.Application.Common.Access;
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
    IApplicationDbContext db, ICurrentUser currentUser, IMediaStorage storage, ILogger<DeleteVideoHandler> logger)
{
    public async Task HandleAsync(DeleteVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var video = await db.Videos.AsNoTracking().GetOwnedAsync(command.VideoId, userId,
            VideoAccess.NotFoundMessage, VideoMedia.NotOwnerMessage, cancellationToken);

        var deleted = await db.Videos.Where(v => v.Id == command.VideoId && v.OwnerId == userId)
            .ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
            throw new NotFoundException(VideoAccess.NotFoundMessage);
        await storage.DeleteQuietlyAsync(logger, video.VideoFileKey, video.ThumbnailKey);
    }
}
