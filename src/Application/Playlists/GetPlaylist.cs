using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Playlists;

public sealed record GetPlaylistQuery(Guid PlaylistId);

public sealed class GetPlaylistHandler(IPlaylistQueries playlists, ICurrentUser currentUser)
{
    public Task<PlaylistDto> HandleAsync(GetPlaylistQuery query, CancellationToken cancellationToken) =>
        playlists.GetAsync(query.PlaylistId, currentUser.RequiredUserId, cancellationToken);
}
