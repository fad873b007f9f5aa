using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Likes;
using VideoTube.Application.Users;

namespace VideoTube.Application.Videos;

/// <summary>
/// The videos the caller has been to, most recent first, each read in ONE statement; videos their owners have since
/// unpublished drop out. chai-backend never wrote watch history and returned it in storage order (quirk 13).
/// </summary>
public sealed class ListCallerVideosHandler(IUserQueries users, ILikeQueries likes, ICurrentUser currentUser)
{
    /// <summary>GET /users/history: each video once, by when it was last watched.</summary>
    public Task<IReadOnlyList<VideoDto>> WatchHistoryAsync(CancellationToken cancellationToken) =>
        users.ListWatchHistoryAsync(currentUser.RequiredUserId, cancellationToken);

    /// <summary>GET /likes/videos: by when it was liked.</summary>
    public Task<IReadOnlyList<VideoDto>> LikedVideosAsync(CancellationToken cancellationToken) =>
        likes.ListLikedVideosAsync(currentUser.RequiredUserId, cancellationToken);
}
