using System.Data.Common;
using AutoMapper;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Playlists;

public sealed record AddVideoToPlaylistCommand(Guid VideoId, Guid PlaylistId);

public sealed class AddVideoToPlaylistHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper,
    TimeProvider clock)
{
    /// <summary>
    /// Idempotent: the (playlist, video) key holds each video once, and ON CONFLICT DO NOTHING makes adding it again,
    /// even concurrently, a no-op rather than a unique-violation error.
    /// </summary>
    public async Task<PlaylistDto> HandleAsync(AddVideoToPlaylistCommand command, CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        await db.GetOwnedAsync(command.PlaylistId, userId, cancellationToken);
        await db.Videos.EnsureVisibleAsync(command.VideoId, userId, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            // Raw SQL because EF Core has no ON CONFLICT; names follow the snake_case convention.
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO playlist_videos (playlist_id, video_id, added_at)
                VALUES ({command.PlaylistId}, {command.VideoId}, {now}) ON CONFLICT DO NOTHING
                """, cancellationToken);
        }
        catch (DbException exception) when (exception.SqlState == SqlStates.ForeignKeyViolation)
        {
            throw new NotFoundException("Video or playlist not found"); // deleted after the checks
        }
        return await db.GetDtoAsync(mapper, command.PlaylistId, userId, cancellationToken);
    }
}
