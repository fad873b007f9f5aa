using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Videos;

namespace VideoTube.Application.Users;

/// <summary>
/// The caller's watched videos, most recently watched first, each once (one history row per video), in ONE statement.
/// chai-backend returned them in storage order (quirk 13). Videos their owners have since unpublished drop out.
/// </summary>
public sealed class GetWatchHistoryHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    public async Task<IReadOnlyList<VideoDto>> HandleAsync(CancellationToken cancellationToken)
    {
        var userId = currentUser.RequiredUserId;
        return await db.WatchHistory.AsNoTracking()
            .Where(h => h.UserId == userId && (h.Video!.IsPublished || h.Video.OwnerId == userId))
            .OrderByDescending(h => h.WatchedAt)
            .Select(h => h.Video!)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
    }
}
