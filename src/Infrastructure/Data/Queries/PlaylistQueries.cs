using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Playlists;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class PlaylistQueries(ApplicationDbContext db, IMapper mapper, TimeProvider clock) : IPlaylistQueries
{
    /// <summary>Unpublished videos of others are left out (see PlaylistMappingProfile).</summary>
    public Task<PlaylistDto?> FindAsync(Guid playlistId, Guid callerId, CancellationToken cancellationToken) =>
        db.Playlists.AsNoTracking()
            .Where(p => p.Id == playlistId)
            .ProjectTo<PlaylistDto>(mapper.ConfigurationProvider, new { callerId })
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<PlaylistSummaryDto>> ListAsync(Guid ownerId, Guid callerId,
        CancellationToken cancellationToken) =>
        await db.Playlists.AsNoTracking()
            .Where(p => p.OwnerId == ownerId)
            .OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .ProjectTo<PlaylistSummaryDto>(mapper.ConfigurationProvider, new { callerId })
            .ToListAsync(cancellationToken);

    /// <summary>Raw SQL because EF Core has no ON CONFLICT; names follow the snake_case convention.</summary>
    public async Task AddVideoAsync(Guid playlistId, Guid videoId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO playlist_videos (playlist_id, video_id, added_at)
                VALUES ({playlistId}, {videoId}, {now}) ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
        catch (Exception exception) when (DatabaseErrorTranslator.IsForeignKeyViolation(exception))
        {
            throw new NotFoundException("Video or playlist not found"); // deleted after the caller's checks
        }
    }
}
