using VideoTube.Application.Videos;

namespace VideoTube.Application.Users;

/// <summary>The user reads that aggregate subscriptions or join videos; each ONE statement.</summary>
public interface IUserQueries
{
    /// <summary>Null when no user has that (stored, lower-case) user name.</summary>
    Task<ChannelProfileDto?> FindChannelProfileAsync(string userName, Guid callerId, CancellationToken cancellationToken);

    /// <summary>Most recently watched first, each video once, only videos the user may still see.</summary>
    Task<IReadOnlyList<VideoDto>> ListWatchHistoryAsync(Guid userId, CancellationToken cancellationToken);
}
