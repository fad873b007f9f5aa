using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Videos;

namespace VideoTube.Application.Feed;

/// <summary><paramref name="Limit"/> is lenient like every list's (invalid → 10, at most 100).</summary>
public sealed record ListSubscriptionFeedQuery(string? Limit, string? Cursor);

/// <summary>
/// The caller's subscription feed: newest published videos of the channels they follow, for endless scrolling. It has
/// no page numbers or total (a count over every followed channel's videos on each page), only a keyset cursor.
/// </summary>
public sealed class ListSubscriptionFeedHandler(IFeedQueries feeds, ICurrentUser currentUser)
{
    public Task<CursorPage<VideoDto>> HandleAsync(ListSubscriptionFeedQuery request, CancellationToken cancellationToken)
    {
        var me = currentUser.RequiredUserId;
        var after = string.IsNullOrWhiteSpace(request.Cursor) ? null
            : VideoFeedPosition.Parse(request.Cursor.Trim(), VideoSortField.CreatedAt, descending: true);
        return feeds.ListSubscriptionVideosAsync(me, PageRequest.Parse(null, request.Limit).Limit, after, cancellationToken);
    }
}
