using VideoTube.Application.Common.Media;
using VideoTube.Application.Videos;

namespace VideoTube.Application.Users;

/// <summary>The user reads that aggregate subscriptions or join videos; each ONE statement.</summary>
public interface IUserQueries
{
    /// <summary>Null when no user has that (stored, lower-case) user name.</summary>
    Task<ChannelProfileDto?> FindChannelProfileAsync(string userName, Guid callerId, CancellationToken cancellationToken);

    /// <summary>Most recently watched first, each video once, only videos the user may still see.</summary>
    Task<IReadOnlyList<VideoDto>> ListWatchHistoryAsync(Guid userId, CancellationToken cancellationToken);

    /// <summary>
    /// Points the user's avatar or cover image at a new storage key in ONE statement and returns the key it replaced, read under
    /// the row lock, so of N concurrent replacements each old file is handed to exactly one (no orphans, no 400 from
    /// Identity's concurrency stamp). Null when the user is gone.
    /// </summary>
    Task<ReplacedFile?> ReplaceImageAsync(Guid userId, UserImageKind kind, string key, CancellationToken cancellationToken);
}
