using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Playlists;

public sealed record AddVideoToPlaylistCommand(Guid VideoId, Guid PlaylistId);

public sealed class AddVideoToPlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser, IPlaylistQueries playlists)
{
    /// <summary>
    /// Idempotent: the (playlist, video) key holds each video once, so adding it again, even concurrently, is a no-op
    /// rather than a unique-violation error.
    /// </summary>
    public async Task<PlaylistDto> HandleAsync(AddVideoToPlaylistCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await db.GetOwnedAsync(command.PlaylistId, userId, cancellationToken);
        await db.Videos.EnsureVisibleAsync(command.VideoId, userId, cancellationToken);

        await playlists.AddVideoAsync(command.PlaylistId, command.VideoId, cancellationToken);
        return await playlists.GetAsync(command.PlaylistId, userId, cancellationToken);
    }
}
