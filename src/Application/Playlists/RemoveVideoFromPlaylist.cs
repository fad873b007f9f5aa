using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Playlists;

public sealed record RemoveVideoFromPlaylistCommand(Guid VideoId, Guid PlaylistId);

public sealed class RemoveVideoFromPlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser, IPlaylistQueries playlists)
{
    /// <summary>Idempotent: removing a video that is not in the playlist leaves it unchanged.</summary>
    public async Task<PlaylistDto> HandleAsync(RemoveVideoFromPlaylistCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await db.GetOwnedAsync(command.PlaylistId, userId, cancellationToken);
        // Any existing video, not only visible ones: an entry whose video was unpublished later must stay removable.
        if (!await db.Videos.AnyAsync(v => v.Id == command.VideoId, cancellationToken))
            throw new NotFoundException("Video not found");

        await db.PlaylistVideos.Where(pv => pv.PlaylistId == command.PlaylistId && pv.VideoId == command.VideoId)
            .ExecuteDeleteAsync(cancellationToken);
        return await playlists.GetAsync(command.PlaylistId, userId, cancellationToken);
    }
}
