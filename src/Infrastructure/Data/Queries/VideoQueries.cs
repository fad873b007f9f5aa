using VideoTube.Application.Common.Media;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Access;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data.Configurations;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed class VideoQueries(ApplicationDbContext db, IMapper mapper, TimeProvider clock) : IVideoQueries
{
    /// <summary>
    /// Raw SQL for the row lock and RETURNING, which EF Core's ExecuteUpdate lacks. Under READ COMMITTED the locking
    /// sub-select waits for a concurrent replacement and then reads its committed key, so no two callers get the same
    /// previous key.
    /// </summary>
    public async Task<ReplacedFile?> ReplaceThumbnailAsync(Guid videoId, Guid ownerId, string key,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var previous = await db.Database.SqlQuery<string>($"""
            UPDATE videos AS v SET thumbnail_key = {key}, updated_at = {now}
            FROM (SELECT id, thumbnail_key FROM videos WHERE id = {videoId} AND owner_id = {ownerId} FOR UPDATE) AS old
            WHERE v.id = old.id
            RETURNING old.thumbnail_key AS "Value"
            """).ToListAsync(cancellationToken);
        return previous.Count == 0 ? null : new ReplacedFile(string.IsNullOrEmpty(previous[0]) ? null : previous[0]);
    }

    public async Task<IReadOnlyList<string>?> DeleteAsync(Guid videoId, Guid ownerId, CancellationToken cancellationToken)
    {
        var keys = await db.Database.SqlQuery<string>($"""
            WITH gone AS (DELETE FROM videos WHERE id = {videoId} AND owner_id = {ownerId}
                          RETURNING video_file_key, thumbnail_key)
            SELECT k AS "Value" FROM gone, LATERAL (VALUES (video_file_key), (thumbnail_key)) AS files(k)
            """).ToListAsync(cancellationToken);
        return keys.Count == 0 ? null : keys.Where(k => !string.IsNullOrEmpty(k)).ToList();
    }

    public async Task<PaginatedList<VideoDto>> ListAsync(VideoFeedRequest request, Guid? callerId,
        CancellationToken cancellationToken)
    {
        IQueryable<Video> videos = db.Videos.AsNoTracking();
        if (request.OwnerId is { } ownerId)
            videos = videos.Where(v => v.OwnerId == ownerId);
        if (request.Search is not { } search)
            return await ListFeedAsync(videos, callerId, request, cancellationToken);

        // Exactly the indexed expression: to_tsvector('english', title || ' ' || description). The GIN index drives
        // both the page and the total here, so the visibility filter stays one predicate.
        videos = videos.VisibleTo(callerId).Where(v => EF.Functions
            .ToTsVector(VideoConfiguration.SearchConfig, v.Title + " " + v.Description)
            .Matches(EF.Functions.WebSearchToTsQuery(VideoConfiguration.SearchConfig, search)));
        return await Sort(videos, request)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToPaginatedListAsync(request.Page, cancellationToken);
    }

    /// <summary>
    /// Without a search the feed is read from ix_videos_is_published_created_at. The caller also sees their own drafts,
    /// but as one `IsPublished || OwnerId == me` predicate that matches no index, so PostgreSQL read and sorted the
    /// whole table for every page (bench/RESULTS.md). As two branches, each sorted and cut at the end of the requested
    /// page, the published one walks the index only as far as the page reaches. The total is read from the stored
    /// counters (<see cref="FeedTotal"/>), so no page counts the catalogue.
    /// </summary>
    private async Task<PaginatedList<VideoDto>> ListFeedAsync(IQueryable<Video> videos, Guid? callerId,
        VideoFeedRequest request, CancellationToken cancellationToken)
    {
        var published = videos.Where(v => v.IsPublished);
        var total = FeedTotal(request.OwnerId, callerId);
        if (callerId is not { } me)
            return await Sort(published, request)
                .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
                .ToPaginatedListWithTotalAsync(total, request.Page, cancellationToken);

        var drafts = videos.Where(v => !v.IsPublished && v.OwnerId == me);
        var window = request.Page.Skip + request.Page.Limit;
        var candidates = Sort(published, request).Take(window).Concat(Sort(drafts, request).Take(window));
        return await Sort(candidates, request)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToPaginatedListWithTotalAsync(total, request.Page, cancellationToken);
    }

    /// <summary>
    /// What the unsearched feed can show, from stored counters: every published video (or the owner's published ones)
    /// plus the caller's own drafts (all videos minus published ones), which only the caller sees.
    /// </summary>
    private IQueryable<long> FeedTotal(Guid? ownerId, Guid? callerId)
    {
        if (ownerId is { } owner)
            return db.Users.Where(u => u.Id == owner)
                .Select(u => u.PublishedVideosCount + (u.Id == callerId ? u.VideosCount - u.PublishedVideosCount : 0L));
        return db.CatalogueCounters.Where(c => c.Id == CatalogueCounters.SingletonId)
            .Select(c => c.PublishedVideos + db.Users.Where(u => u.Id == callerId)
                .Select(u => u.VideosCount - u.PublishedVideosCount).FirstOrDefault());
    }

    /// <summary>The id breaks ties, so pages never overlap or skip rows with equal sort keys.</summary>
    private static IQueryable<Video> Sort(IQueryable<Video> videos, VideoFeedRequest request) =>
        (request.SortBy, request.Descending) switch
        {
            (VideoSortField.Views, true) => videos.OrderByDescending(v => v.Views).ThenByDescending(v => v.Id),
            (VideoSortField.Views, false) => videos.OrderBy(v => v.Views).ThenBy(v => v.Id),
            (VideoSortField.Duration, true) => videos.OrderByDescending(v => v.Duration).ThenByDescending(v => v.Id),
            (VideoSortField.Duration, false) => videos.OrderBy(v => v.Duration).ThenBy(v => v.Id),
            (VideoSortField.Title, true) => videos.OrderByDescending(v => v.Title).ThenByDescending(v => v.Id),
            (VideoSortField.Title, false) => videos.OrderBy(v => v.Title).ThenBy(v => v.Id),
            (_, true) => videos.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id),
            (_, false) => videos.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id),
        };

    public Task<VideoDetailDto?> FindDetailAsync(Guid videoId, Guid callerId, CancellationToken cancellationToken) =>
        db.Videos.AsNoTracking().VisibleTo(callerId)
            .Where(v => v.Id == videoId)
            .ProjectTo<VideoDetailDto>(mapper.ConfigurationProvider, new { callerId })
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Raw SQL because EF Core has no ON CONFLICT; names follow the snake_case convention. The EXISTS guard turns a
    /// concurrent delete of the video into a no-op instead of a foreign-key error.
    /// </summary>
    public Task RecordWatchAsync(Guid userId, Guid videoId, DateTime watchedAt, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO watch_history (user_id, video_id, watched_at)
            SELECT {userId}, {videoId}, {watchedAt}
            WHERE EXISTS (SELECT 1 FROM videos WHERE id = {videoId})
            ON CONFLICT (user_id, video_id) DO UPDATE SET watched_at = EXCLUDED.watched_at
            """, cancellationToken);
}
