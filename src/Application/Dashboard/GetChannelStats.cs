using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;

namespace VideoTube.Application.Dashboard;

/// <summary>The caller's channel figures in ONE statement (<see cref="IDashboardQueries.GetStatsAsync"/>).</summary>
public sealed class GetChannelStatsHandler(IDashboardQueries dashboard, ICurrentUser currentUser)
{
    public async Task<ChannelStatsDto> HandleAsync(CancellationToken cancellationToken) =>
        await dashboard.GetStatsAsync(currentUser.RequiredUserId, cancellationToken)
        ?? throw new UnauthorizedException("Invalid Access Token");
}
