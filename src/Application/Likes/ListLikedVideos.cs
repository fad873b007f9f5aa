using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Videos;

namespace VideoTube.Application.Likes;

public sealed class ListLikedVideosHandler(ILikeQueries likes, ICurrentUser currentUser)
{
    /// <summary>The caller's liked videos, most recently liked first; unpublished videos of others stay hidden.</summary>
    public Task<IReadOnlyList<VideoDto>> HandleAsync(CancellationToken cancellationToken) =>
        likes.ListLikedVideosAsync(currentUser.RequiredUserId, cancellationToken);
}
