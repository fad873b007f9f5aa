using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Users;
using VideoTube.Application.Videos;

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
            .Select(u => new ChannelProfileDto
            {
                Id = u.Id,
                FullName = u.FullName,
                Username = u.UserName!,
                Avatar = u.Avatar,
                CoverImage = u.CoverImage,
                Email = u.Id == callerId ? u.Email : null,
                SubscribersCount = db.Subscriptions.Count(s => s.ChannelId == u.Id),
                ChannelsSubscribedToCount = db.Subscriptions.Count(s => s.SubscriberId == u.Id),
                IsSubscribed = db.Subscriptions.Any(s => s.ChannelId == u.Id && s.SubscriberId == callerId),
            })
            .SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<VideoDto>> ListWatchHistoryAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.WatchHistory.AsNoTracking()
            .Where(h => h.UserId == userId && (h.Video!.IsPublished || h.Video.OwnerId == userId))
            .OrderByDescending(h => h.WatchedAt)
            .Select(h => h.Video!)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
}
