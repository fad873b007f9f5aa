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
/// and watch history, which chai-backend left dangling; the files go once the row is gone, and they are the files the
/// row pointed to when it was deleted, so a thumbnail replaced meanwhile is not left behind.
/// </summary>
public sealed class DeleteVideoHandler(
    IApplicationDbContext db, IVideoQueries videos, ICurrentUser currentUser, IMediaStorage storage,
    IRenditionStorage renditions,
    ILogger<DeleteVideoHandler> logger)
{
    public async Task HandleAsync(DeleteVideoCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        var keys = await videos.DeleteAsync(command.VideoId, userId, cancellationToken);
        if (keys is null)
        {
            // Nothing deleted: say why, 403 only for a video the caller may see (someone else's draft is a 404).
            await db.Videos.AsNoTracking().VisibleTo(userId).GetOwnedAsync(command.VideoId, userId,
                VideoAccess.NotFoundMessage, VideoMedia.NotOwnerMessage, cancellationToken);
            throw new NotFoundException(VideoAccess.NotFoundMessage);
        }
        await storage.DeleteQuietlyAsync(logger, [.. keys]);
        // A job still running for this video finds the row gone and removes what it stored itself.
        await renditions.DeleteRenditionsQuietlyAsync(logger, command.VideoId);
    }
}
