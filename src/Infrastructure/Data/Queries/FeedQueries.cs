using VideoTube.Application.Common.Models;
using VideoTube.Application.Feed;
using VideoTube.Application.Videos;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class FeedQueries(ApplicationDbContext db, CompiledReads compiled) : IFeedQueries
{
    private static readonly VideoKeyset Newest = new(VideoSortField.CreatedAt, Descending: true);

    /// <summary>
    /// A semi-join on the subscriber's subscriptions, as compiled queries (<see cref="CompiledReads.SubscriptionFeed"/>).
    /// Following many channels, PostgreSQL walks ix_videos_published_created_at_id from the cursor and probes the
    /// subscription pair for each row until the page is full; following a few, it reads those channels' videos through
    /// ix_videos_owner_id_created_at and keeps the top.
    /// </summary>
    public async Task<CursorPage<VideoDto>> ListSubscriptionVideosAsync(Guid subscriberId, int limit,
        VideoFeedPosition? after, CancellationToken cancellationToken)
    {
        var rows = after is null
            ? compiled.SubscriptionFeed(db, subscriberId, limit + 1)
            : compiled.SubscriptionFeedAfter(db, subscriberId, after.CreatedAt, after.Id, limit + 1);
        var docs = await rows.ToListAsync(cancellationToken);
        var more = docs.Count > limit;
        if (more)
            docs.RemoveAt(limit);
        return new CursorPage<VideoDto>(docs, limit, more ? Newest.CursorAfter(docs[^1]) : null);
    }
}
