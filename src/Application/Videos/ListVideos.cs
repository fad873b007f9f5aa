using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Models;

namespace VideoTube.Application.Videos;

public sealed record ListVideosQuery(
    string? Page, string? Limit, string? Query, string? SortBy, string? SortType, Guid? UserId);

/// <summary>
/// The video feed: published videos (plus the caller's own unpublished ones), optionally searched, filtered by owner
/// and sorted, paged in ONE SQL statement (<see cref="IVideoQueries.ListAsync"/>).
/// </summary>
public sealed class ListVideosHandler(IVideoQueries videos, ICurrentUser currentUser)
{
    public const int MaxQueryLength = 200;

    public Task<PaginatedList<VideoDto>> HandleAsync(ListVideosQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Parse(request.Page, request.Limit);
        var descending = ParseSortType(request.SortType);
        var search = string.IsNullOrWhiteSpace(request.Query) ? null : request.Query.Trim();
        if (search?.Length > MaxQueryLength)
            throw new ValidationException($"query must be at most {MaxQueryLength} characters");
        var sortBy = ParseSortBy(request.SortBy);
        return videos.ListAsync(new VideoFeedRequest(page, search, request.UserId, sortBy, descending), currentUser.UserId,
            cancellationToken);
    }

    private static bool ParseSortType(string? sortType) => sortType?.Trim().ToLowerInvariant() switch
    {
        null or "" or "desc" => true,
        "asc" => false,
        _ => throw new ValidationException("Invalid sortType", ["sortType must be 'asc' or 'desc'"]),
    };

    private static VideoSortField ParseSortBy(string? sortBy) => sortBy?.Trim() switch
    {
        null or "" or "createdAt" => VideoSortField.CreatedAt,
        "views" => VideoSortField.Views,
        "duration" => VideoSortField.Duration,
        "title" => VideoSortField.Title,
        _ => throw new ValidationException("Invalid sortBy", ["sortBy must be one of createdAt, views, duration, title"]),
    };
}
