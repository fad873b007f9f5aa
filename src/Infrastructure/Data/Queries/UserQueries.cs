using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Users;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class UserQueries(ApplicationDbContext db, IMapper mapper) : IUserQueries
{
    /// <summary>Counts and the caller's subscription are scalar sub-queries of the one user row.</summary>
    public Task<ChannelProfileDto?> FindChannelProfileAsync(string userName, Guid callerId,
        CancellationToken cancellationToken)
    {
        // Through Identity's unique normalized-name index (upper case, as Identity's normaliser stores it).
        var normalized = userName.ToUpperInvariant();
        return db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .ProjectTo<ChannelProfileDto>(mapper.ConfigurationProvider, new { callerId })
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<VideoDto>> ListWatchHistoryAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.WatchHistory.AsNoTracking()
            .Where(h => h.UserId == userId)
            .Where(VideoAccess.VisibleThrough<WatchHistoryEntry>(h => h.Video, userId))
            .OrderByDescending(h => h.WatchedAt)
            .Select(h => h.Video!)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
}
