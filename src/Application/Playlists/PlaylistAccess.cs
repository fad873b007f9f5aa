using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

internal static class PlaylistAccess
{
    private const string NotFoundMessage = "Playlist not found";

    /// <summary>The playlist as the caller sees it; 404 when it does not exist.</summary>
    public static async Task<PlaylistDto> GetAsync(this IPlaylistQueries playlists, Guid playlistId, Guid callerId,
        CancellationToken cancellationToken) =>
        await playlists.FindAsync(playlistId, callerId, cancellationToken) ?? throw new NotFoundException(NotFoundMessage);

    /// <summary>Loads the playlist for a change by the caller: 404 when missing, 403 when someone else's.</summary>
    public static async Task<Playlist> GetOwnedAsync(this IApplicationDbContext db, Guid playlistId,
        Guid callerId, CancellationToken cancellationToken)
    {
        return await db.Playlists.GetOwnedAsync(playlistId, callerId, NotFoundMessage,
            "You can only change your own playlists", cancellationToken);
    }
}
