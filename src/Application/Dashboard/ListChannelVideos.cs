using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Models;

namespace VideoTube.Application.Dashboard;

public sealed record ListChannelVideosQuery(PageRequest Page);

public sealed class ListChannelVideosHandler(IDashboardQueries dashboard, ICurrentUser currentUser)
{
    /// <summary>All of the caller's videos, unpublished ones included, newest first.</summary>
    public Task<PaginatedList<ChannelVideoDto>> HandleAsync(ListChannelVideosQuery query, CancellationToken cancellationToken) =>
        dashboard.ListVideosAsync(currentUser.RequiredUserId, query.Page, cancellationToken);
}
