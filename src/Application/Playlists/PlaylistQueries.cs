using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

internal static class PlaylistQueries
{
    /// <summary>The playlist with the videos the caller may see: unpublished videos of others are left out.</summary>
    public static async Task<PlaylistDto> GetDtoAsync(this IApplicationDbContext db, IMapper mapper, Guid playlistId,
        Guid callerId, CancellationToken cancellationToken) =>
        await db.Playlists.AsNoTracking()
            .Where(p => p.Id == playlistId)
            .Select(p => new PlaylistRow
            {
                Playlist = p,
                Videos = p.Videos
                    .Where(pv => pv.Video!.IsPublished || pv.Video.OwnerId == callerId)
                    .OrderBy(pv => pv.AddedAt).ThenBy(pv => pv.VideoId)
                    .Select(pv => pv.Video!),
            })
            .ProjectTo<PlaylistDto>(mapper.ConfigurationProvider)
            .SingleOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Playlist not found");

    /// <summary>Loads the playlist for a change by the caller: 404 when missing, 403 when someone else's.</summary>
    public static async Task<Playlist> GetOwnedAsync(this IApplicationDbContext db, Guid playlistId,
        Guid callerId, CancellationToken cancellationToken)
    {
        var playlist = await db.Playlists.SingleOrDefaultAsync(p => p.Id == playlistId, cancellationToken)
                       ?? throw new NotFoundException("Playlist not found");
        return playlist.OwnerId == callerId
            ? playlist
            : throw new ForbiddenException("You can only change your own playlists");
    }
}
