using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Dashboard;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class DashboardQueries(ApplicationDbContext db, IMapper mapper, CompiledReads compiled) : IDashboardQueries
{
    /// <summary>The four figures are the owner's stored counters (see DashboardMappingProfile).</summary>
    public Task<ChannelStatsDto?> GetStatsAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return compiled.ChannelStats(db, ownerId);
    }

    public Task<PaginatedList<ChannelVideoDto>> ListVideosAsync(Guid ownerId, PageRequest page,
        CancellationToken cancellationToken) =>
        db.Videos.AsNoTracking()
            .Where(v => v.OwnerId == ownerId)
            .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
            .ProjectTo<ChannelVideoDto>(mapper.ConfigurationProvider)
            .ToPaginatedListWithTotalAsync(db.Users.Where(u => u.Id == ownerId).Select(u => u.VideosCount), page,
                cancellationToken);
}
