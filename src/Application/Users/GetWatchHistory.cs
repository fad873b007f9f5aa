using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Videos;

namespace VideoTube.Application.Users;

/// <summary>
/// The caller's watched videos, most recently watched first, each once (one history row per video), in ONE statement.
/// chai-backend returned them in storage order (quirk 13). Videos their owners have since unpublished drop out.
/// </summary>
public sealed class GetWatchHistoryHandler(IUserQueries users, ICurrentUser currentUser)
{
    public Task<IReadOnlyList<VideoDto>> HandleAsync(CancellationToken cancellationToken) =>
        users.ListWatchHistoryAsync(currentUser.RequiredUserId, cancellationToken);
}
