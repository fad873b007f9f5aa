using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Playlists;

public sealed record ListUserPlaylistsQuery(Guid UserId);

public sealed class ListUserPlaylistsHandler(IApplicationDbContext db, IPlaylistQueries playlists, ICurrentUser currentUser)
{
    /// <summary>Newest first. The totals count only the videos the caller could open, as the detail route shows them.</summary>
    public async Task<IReadOnlyList<PlaylistSummaryDto>> HandleAsync(ListUserPlaylistsQuery query,
        CancellationToken cancellationToken)
    {
        var callerId = currentUser.RequiredUserId;
        if (!await db.Users.AnyAsync(u => u.Id == query.UserId, cancellationToken))
            throw new NotFoundException("User not found");
        return await playlists.ListAsync(query.UserId, callerId, cancellationToken);
    }
}
