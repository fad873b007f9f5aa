using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;
using VideoTube.Infrastructure.Data.Configurations;

namespace VideoTube.Infrastructure.Data.Queries;

public sealed partial class VideoQueries
{
    /// <summary>
    /// The caller also sees their own drafts, but as one `IsPublished || OwnerId == me` predicate that matches no index,
    /// so PostgreSQL read and sorted the whole table for every page (bench/RESULTS.md). As two branches, each sorted and
    /// cut at the end of the requested page, the published one walks ix_videos_published_created_at_id (or, searched,
    /// tests each row's stored vector on the way, or reads the partial GIN index) only as far as the page reaches. The
    /// total counts both branches uncut, up to the count cap.
    /// </summary>
    public async Task<PaginatedList<VideoDto>> ListAsync(VideoFeedRequest request, Guid? callerId,
        CancellationToken cancellationToken)
    {
        IQueryable<Video> videos = db.Videos.AsNoTracking();
        if (request.OwnerId is { } ownerId)
            videos = videos.Where(v => v.OwnerId == ownerId);
        if (request.Search is { } search)
            videos = videos.Where(v => EF.Property<NpgsqlTsVector>(v, VideoConfiguration.SearchVector)
                .Matches(EF.Functions.WebSearchToTsQuery(VideoConfiguration.SearchConfig, search)));

        var keyset = new VideoKeyset(request.SortBy, request.Descending);
        var afterCursor = request.After is not null;
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

        return await keyset.Sort(candidates)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToBoundedPageAsync(visible, request.Page, afterCursor, pagination.Value.CountCap, keyset.CursorAfter,
                cancellationToken);
    }
}
