using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Feed;
using VideoTube.Application.Videos;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class FeedQueries(ApplicationDbContext db, IMapper mapper) : IFeedQueries
{
    private static readonly VideoKeyset Newest = new(VideoSortField.CreatedAt, Descending: true);

    /// <summary>
    /// A semi-join on the subscriber's subscriptions. Following many channels, PostgreSQL walks
    /// ix_videos_published_created_at_id from the cursor and probes the subscription pair for each row until the page is
    /// full; following a few, it reads those channels' videos through ix_videos_owner_id_created_at and keeps the top.
    /// </summary>
    public async Task<CursorPage<VideoDto>> ListSubscriptionVideosAsync(Guid subscriberId, int limit,
        VideoFeedPosition? after, CancellationToken cancellationToken)
    {
        var videos = db.Videos.AsNoTracking().Where(v => v.IsPublished
            && db.Subscriptions.Any(s => s.SubscriberId == subscriberId && s.ChannelId == v.OwnerId));
        var rows = await Newest.Sort(Newest.Seek(videos, after))
            .Take(limit + 1)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
        var docs = rows.Take(limit).ToList();
        return new CursorPage<VideoDto>(docs, limit, rows.Count > limit ? Newest.CursorAfter(docs[^1]) : null);
    }
}
