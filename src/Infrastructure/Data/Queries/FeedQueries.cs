using VideoTube.Application.Common.Models;
using VideoTube.Application.Feed;
using VideoTube.Application.Videos;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class FeedQueries(ApplicationDbContext db, CompiledReads compiled) : IFeedQueries
{
    /// <summary>One statement whichever way it reads (<see cref="CompiledReads.SubscriptionFeed"/>).</summary>
    public async Task<CursorPage<VideoDto>> ListSubscriptionVideosAsync(Guid subscriberId, int limit,
        VideoFeedPosition? after, CancellationToken cancellationToken)
    {
        var (createdAt, id) = CompiledReads.NewestFirstFrom(after);
        var docs = await compiled.SubscriptionFeed(db, subscriberId, createdAt, id, limit + 1)
            .ToListAsync(cancellationToken);
        var more = docs.Count > limit;
        if (more)
            docs.RemoveAt(limit);
        return new CursorPage<VideoDto>(docs, limit, more ? VideoKeyset.Newest.CursorAfter(docs[^1]) : null);
    }
}
