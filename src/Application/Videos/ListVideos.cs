using VideoTube.Application.Common.Access;
using AutoMapper;
using AutoMapper.QueryableExtensions;
using Microsoft.EntityFrameworkCore;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Models;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

public sealed record ListVideosQuery(
    string? Page, string? Limit, string? Query, string? SortBy, string? SortType, Guid? UserId);

/// <summary>
/// The video feed: published videos (plus the caller's own unpublished ones), optionally searched, filtered by owner
/// and sorted, paged in ONE SQL statement.
/// </summary>
public sealed class ListVideosHandler(IApplicationDbContext db, ICurrentUser currentUser, IMapper mapper)
{
    public const int MaxQueryLength = 200;

    /// <summary>Must stay the configuration of the ix_videos_search expression index, or the index is not used.</summary>
    private const string SearchConfig = "english";

    public async Task<PaginatedList<VideoDto>> HandleAsync(ListVideosQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Parse(request.Page, request.Limit);
        var descending = ParseSortType(request.SortType);
        var callerId = currentUser.UserId;

        IQueryable<Video> videos = db.Videos.AsNoTracking();
        if (request.UserId is { } ownerId)
            videos = videos.Where(v => v.OwnerId == ownerId);
        if (string.IsNullOrWhiteSpace(request.Query))
            return await ListFeedAsync(videos, callerId, request, descending, page, cancellationToken);

        var query = request.Query.Trim();
        if (query.Length > MaxQueryLength)
            throw new BadRequestException($"query must be at most {MaxQueryLength} characters");
        // Exactly the indexed expression: to_tsvector('english', title || ' ' || description). The GIN index drives
        // both the page and the total here, so the visibility filter stays one predicate.
        videos = videos.VisibleTo(callerId).Where(v => EF.Functions.ToTsVector(SearchConfig, v.Title + " " + v.Description)
                .Matches(EF.Functions.WebSearchToTsQuery(SearchConfig, query)));
        return await Sort(videos, request.SortBy, descending)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToPaginatedListAsync(page, cancellationToken);
    }

    /// <summary>
    /// Without a search the feed is read from ix_videos_is_published_created_at. The caller also sees their own drafts,
    /// but as one `IsPublished || OwnerId == me` predicate that matches no index, so PostgreSQL read and sorted the
    /// whole table for every page (bench/RESULTS.md). As two branches, each sorted and cut at the end of the requested
    /// page, the published one walks the index only as far as the page reaches; the total counts both branches uncut.
    /// </summary>
    private async Task<PaginatedList<VideoDto>> ListFeedAsync(IQueryable<Video> videos, Guid? callerId,
        ListVideosQuery request, bool descending, PageRequest page, CancellationToken cancellationToken)
    {
        var published = videos.Where(v => v.IsPublished);
        if (callerId is not { } me)
            return await Sort(published, request.SortBy, descending)
                .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
                .ToPaginatedListAsync(page, cancellationToken);

        var drafts = videos.Where(v => !v.IsPublished && v.OwnerId == me);
        var window = page.Skip + page.Limit;
        var candidates = Sort(published, request.SortBy, descending).Take(window)
            .Concat(Sort(drafts, request.SortBy, descending).Take(window));
        return await Sort(candidates, request.SortBy, descending)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToPaginatedListAsync(published.Concat(drafts), page, cancellationToken);
    }

    private static bool ParseSortType(string? sortType) => sortType?.Trim().ToLowerInvariant() switch
    {
        null or "" or "desc" => true,
        "asc" => false,
        _ => throw new BadRequestException("Invalid sortType", ["sortType must be 'asc' or 'desc'"]),
    };

    /// <summary>The id breaks ties, so pages never overlap or skip rows with equal sort keys.</summary>
    private static IQueryable<Video> Sort(IQueryable<Video> videos, string? sortBy, bool descending) => sortBy?.Trim() switch
    {
        null or "" or "createdAt" => descending
            ? videos.OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id)
            : videos.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id),
        "views" => descending
            ? videos.OrderByDescending(v => v.Views).ThenByDescending(v => v.Id)
            : videos.OrderBy(v => v.Views).ThenBy(v => v.Id),
        "duration" => descending
            ? videos.OrderByDescending(v => v.Duration).ThenByDescending(v => v.Id)
            : videos.OrderBy(v => v.Duration).ThenBy(v => v.Id),
        "title" => descending
            ? videos.OrderByDescending(v => v.Title).ThenByDescending(v => v.Id)
            : videos.OrderBy(v => v.Title).ThenBy(v => v.Id),
        _ => throw new BadRequestException("Invalid sortBy",
            ["sortBy must be one of createdAt, views, duration, title"]),
    };
}
