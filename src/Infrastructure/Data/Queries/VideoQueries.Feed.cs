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
    /// uncut, up to the count cap, unless this instance remembers the search's published matches
    /// (<see cref="SearchTotals"/>). The hottest case, unsearched and unfiltered in the default order on its first page
    /// or by cursor, is the same query compiled (<see cref="CompiledReads.NewestFeed"/>).
    /// </summary>
    public async Task<PaginatedList<VideoDto>> ListAsync(VideoFeedRequest request, Guid? callerId,
        CancellationToken cancellationToken)
    {
        var afterCursor = request.After is not null;
        if (request is { Search: null, OwnerId: null, SortBy: VideoSortField.CreatedAt, Descending: true }
            && (afterCursor || request.Page.Page == 1))
        {
            var (createdAt, id) = CompiledReads.NewestFirstFrom(request.After);
            var read = await compiled.NewestFeed(db, callerId, createdAt, id, request.Page.Limit + 1)
                .ToListAsync(cancellationToken);
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
        // Without a caller, a query of no rows: the same statement either way, and counting it costs nothing.
        var drafts = callerId is { } me ? videos.Where(v => !v.IsPublished && v.OwnerId == me) : videos.Where(v => false);
        var candidates = keyset.Seek(published, request.After);
        if (callerId is not null)
        {
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
        var key = SearchTotals.KeyOf(searched, request.OwnerId);
        if (searchTotals.IsAboveCap(key))
            return await page.ToCappedPageAsync(request.Page, afterCursor, countCap, keyset.CursorAfter,
                cancellationToken);

        // The published matches are counted only if the catalogue's search version moved since this search was last
        // counted (PostgreSQL evaluates the CASE's count only when it takes that branch); the caller's drafts always.
        var known = searchTotals.Known(key);
        var counted = countCap + 1;
        var catalogue = db.CatalogueCounters.Where(c => c.Id == CatalogueCounters.SingletonId);
        var rows = await page.Select(item => new SearchRow(item,
                catalogue.Select(c => c.SearchVersion == known.SearchVersion
                    ? known.PublishedMatches
                    : published.Take(counted).LongCount()).First(),
                drafts.Take(counted).LongCount(),
                catalogue.Select(c => c.SearchVersion).First()))
            .ReadPageRowsAsync(request.Page, afterCursor, cancellationToken);
        if (rows.Count > 0)
            searchTotals.Remember(key, rows[0].PublishedMatches, rows[0].SearchVersion);
        return await rows.Select(row => new BoundedRow<VideoDto>(row.Item, row.PublishedMatches + row.DraftMatches))
            .ToList()
            .ToBoundedPageAsync(token => published.Concat(drafts).Take(counted).LongCountAsync(token), request.Page,
                afterCursor, countCap, keyset.CursorAfter, cancellationToken);
    }

    /// <summary>A row of a searched page: the video, the search's total in two parts, and the version it holds at.</summary>
    private sealed record SearchRow(VideoDto Item, long PublishedMatches, long DraftMatches, long SearchVersion);

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
