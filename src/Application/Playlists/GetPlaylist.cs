using AutoMapper;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Playlists;

public sealed record GetPlaylistQuery(Guid PlaylistId);

public sealed class GetPlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    public Task<PlaylistDto> HandleAsync(GetPlaylistQuery query, CancellationToken cancellationToken) =>
        db.GetDtoAsync(mapper, query.PlaylistId, currentUser.RequiredUserId, cancellationToken);
}
