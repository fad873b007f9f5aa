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

        var videos = db.Videos.AsNoTracking().Where(v => v.IsPublished || v.OwnerId == callerId);
        if (request.UserId is { } ownerId)
            videos = videos.Where(v => v.OwnerId == ownerId);
        if (!string.IsNullOrWhiteSpace(request.Query))
        {
            var query = request.Query.Trim();
            if (query.Length > MaxQueryLength)
                throw new BadRequestException($"query must be at most {MaxQueryLength} characters");
            // Exactly the indexed expression: to_tsvector('english', title || ' ' || description).
            videos = videos.Where(v => EF.Functions.ToTsVector(SearchConfig, v.Title + " " + v.Description)
                .Matches(EF.Functions.WebSearchToTsQuery(SearchConfig, query)));
        }

        return await Sort(videos, request.SortBy, descending)
            .ProjectTo<VideoDto>(mapper.ConfigurationProvider)
            .ToPaginatedListAsync(page, cancellationToken);
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
