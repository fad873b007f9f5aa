using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Playlists;

public sealed record ListUserPlaylistsQuery(Guid UserId);

public sealed class ListUserPlaylistsHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    /// <summary>Newest first. The totals count only the videos the caller could open, as the detail route shows them.</summary>
    public async Task<IReadOnlyList<PlaylistSummaryDto>> HandleAsync(ListUserPlaylistsQuery query,
        CancellationToken cancellationToken)
    {
        var callerId = currentUser.RequiredUserId;
        if (!await db.Users.AnyAsync(u => u.Id == query.UserId, cancellationToken))
            throw new NotFoundException("User not found");

        return await db.Playlists.AsNoTracking()
            .Where(p => p.OwnerId == query.UserId)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Select(p => new PlaylistSummaryRow
            {
                Playlist = p,
                TotalVideos = p.Videos.Count(pv => pv.Video!.IsPublished || pv.Video.OwnerId == callerId),
                TotalDuration = p.Videos.Where(pv => pv.Video!.IsPublished || pv.Video.OwnerId == callerId)
                    .Sum(pv => pv.Video!.Duration),
            })
            .ProjectTo<PlaylistSummaryDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
    }
}
