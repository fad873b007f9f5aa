using VideoTube.Application.Common.Models;
using VideoTube.Application.Videos;

namespace VideoTube.Application.Feed;

/// <summary>The personal feeds; each page is ONE statement.</summary>
public interface IFeedQueries
{
    /// <summary>Published videos of the channels <paramref name="subscriberId"/> follows, newest first, after a position.</summary>
    Task<CursorPage<VideoDto>> ListSubscriptionVideosAsync(Guid subscriberId, int limit, VideoFeedPosition? after,
        CancellationToken cancellationToken);
}
