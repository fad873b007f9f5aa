using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Dashboard;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class DashboardQueries(ApplicationDbContext db, IMapper mapper) : IDashboardQueries
{
    /// <summary>
    /// The owner's user row is a one-row source whose select list holds the four aggregates as scalar sub-queries,
    /// instead of four round trips.
    /// </summary>
    public Task<ChannelStatsDto?> GetStatsAsync(Guid ownerId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == ownerId)
            .Select(u => new ChannelStatsDto
            {
                TotalVideos = db.Videos.Count(v => v.OwnerId == u.Id),
                TotalViews = db.Videos.Where(v => v.OwnerId == u.Id).Sum(v => v.Views),
                TotalSubscribers = db.Subscriptions.Count(s => s.ChannelId == u.Id),
                TotalLikes = db.Likes.Count(l => l.Video!.OwnerId == u.Id),
            })
            .SingleOrDefaultAsync(cancellationToken);

    public Task<PaginatedList<ChannelVideoDto>> ListVideosAsync(Guid ownerId, PageRequest page,
        CancellationToken cancellationToken) =>
        db.Videos.AsNoTracking()
            .Where(v => v.OwnerId == ownerId)
            .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
            .Select(v => new ChannelVideoRow
            {
                Video = v,
                LikesCount = db.Likes.Count(l => l.VideoId == v.Id),
                CommentsCount = db.Comments.Count(c => c.VideoId == v.Id),
            })
            .ProjectTo<ChannelVideoDto>(mapper.ConfigurationProvider)
            .ToPaginatedListAsync(page, cancellationToken);
}
