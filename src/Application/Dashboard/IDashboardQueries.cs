using VideoTube.Application.Common.Models;

namespace VideoTube.Application.Dashboard;

/// <summary>The creator dashboard's aggregates; each ONE statement.</summary>
public interface IDashboardQueries
{
    /// <summary>Null when the owner does not exist.</summary>
    Task<ChannelStatsDto?> GetStatsAsync(Guid ownerId, CancellationToken cancellationToken);

    /// <summary>All of the owner's videos, unpublished ones included, newest first, with like and comment counts.</summary>
    Task<PaginatedList<ChannelVideoDto>> ListVideosAsync(Guid ownerId, PageRequest page, CancellationToken cancellationToken);
}
