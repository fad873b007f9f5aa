using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data.Configurations;
using VideoTube.Infrastructure.Data.Interceptors;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed partial class VideoQueries
{
    /// <summary>
    /// The caller also sees their own drafts, but as one `IsPublished || OwnerId == me` predicate that matches no index,
    /// so PostgreSQL read and sorted the whole table for every page (bench/RESULTS.md). As two branches, each sorted and
    /// cut at the end of the requested page, the published one walks ix_videos_published_created_at_id (or, searched,
    /// tests each row's stored vector on the way, or reads the partial GIN index) only as far as the page reaches, and
    /// the drafts one reads the caller's drafts alone from ix_videos_owner_drafts. Unsearched, the total is read from
    /// the stored counters (<see cref="FeedTotal"/>), so no page counts the catalogue; searched, it counts both branches
    /// uncut, up to the count cap, unless this instance has lately counted the same search past the cap
    /// (<see cref="CappedSearchCounts"/>). The hottest case, unsearched and unfiltered in the default order on its first
    /// page or by cursor, is the same query compiled (<see cref="CompiledReads.NewestFeed"/>).
    /// </summary>
    public async Task<PaginatedList<VideoDto>> ListAsync(VideoFeedRequest request, Guid? callerId,
        CancellationToken cancellationToken)
    {
        var afterCursor = request.After is not null;
        if (request is { Search: null, OwnerId: null, SortBy: VideoSortField.CreatedAt, Descending: true }
            && (afterCursor || request.Page.Page == 1))
        {
            var read = await compiled.NewestFeed(db, callerId, request.After?.CreatedAt ?? CompiledReads.AfterNewest,
                request.After?.Id ?? Guid.AllBitsSet, request.Page.Limit + 1).ToListAsync(cancellationToken);
            return await read.ToBoundedPageAsync(FeedTotal(null, callerId).FirstOrDefaultAsync, request.Page,
                afterCursor, long.MaxValue, VideoKeyset.Newest.CursorAfter, cancellationToken);
        }

        IQueryable<Video> videos = db.Videos.AsNoTracking();
        // Unsearched, the best plan is the same for every caller and page: its LIMIT/OFFSET become numbers, so the
        // prepared statement keeps one generic plan (InlinePagingInterceptor).
        if (request.Search is null)
            videos = videos.TagWith(InlinePagingInterceptor.Tag);
        if (request.OwnerId is { } ownerId)
            videos = videos.Where(v => v.OwnerId == ownerId);
        if (request.Search is { } search)
            videos = videos.Where(v => EF.Property<NpgsqlTsVector>(v, VideoConfiguration.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery(VideoConfiguration.SearchConfig, search)));

        var keyset = new VideoKeyset(request.SortBy, request.Descending);
        var published = videos.Where(v => v.IsPublished);
        IQueryable<Video> visible = published;
        var candidates = keyset.Seek(published, request.After);
        if (callerId is { } me)
        {
            var drafts = videos.Where(v => !v.IsPublished && v.OwnerId == me);
            visible = published.Concat(drafts);
            // One row past the page, so the page knows whether another follows.
            var window = (afterCursor ? 0 : request.Page.Skip) + request.Page.Limit + 1;
            candidates = keyset.Sort(candidates).Take(window)
                .Concat(keyset.Sort(keyset.Seek(drafts, request.After)).Take(window));
        }

        var page = keyset.Sort(candidates).ProjectTo<VideoDto>(mapper.ConfigurationProvider);
        if (request.Search is not { } searched)
            return await page.ToBoundedPageAsync(FeedTotal(request.OwnerId, callerId), request.Page, afterCursor,
                keyset.CursorAfter, cancellationToken);

        var countCap = pagination.Value.CountCap;
        var key = CappedSearchCounts.KeyOf(searched, request.OwnerId, callerId);
        if (cappedCounts.IsAboveCap(key))
            return await page.ToCappedPageAsync(request.Page, afterCursor, countCap, keyset.CursorAfter,
                cancellationToken);
        var counted = await page.ToBoundedPageAsync(visible, request.Page, afterCursor, countCap, keyset.CursorAfter,
            cancellationToken);
        if (counted.TotalDocsCapped)
            cappedCounts.RememberAboveCap(key);
        return counted;
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
        return CatalogueTotalOf(db, callerId);
    }

    private static readonly Func<ApplicationDbContext, Guid?, IQueryable<long>> CatalogueTotalOf =
        CompiledReads.CatalogueTotal.Compile();
}
