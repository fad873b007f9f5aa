using FluentValidation;
using VideoTube.Application.Common.Interfaces;
using VideoTube.Application.Common.Models;
using VideoTube.Application.Common.Validation;

namespace VideoTube.Application.Videos;

public sealed record ListVideosQuery(PageRequest Page, string? Query, string? SortBy, string? SortType, Guid? UserId,
    string? Cursor = null);

public sealed class ListVideosValidator : CommandValidator<ListVideosQuery>
{
    public ListVideosValidator()
    {
        RuleFor(q => q.SortType).Must(sortType => ListVideosHandler.SortTypes.ContainsKey(Key(sortType)))
            .Reported("Invalid sortType", "sortType must be 'asc' or 'desc'");
        RuleFor(q => q.Query).Must(query => query is null || query.Trim().Length <= ListVideosHandler.MaxQueryLength)
            .WithMessage($"query must be at most {ListVideosHandler.MaxQueryLength} characters");
        RuleFor(q => q.SortBy).Must(sortBy => ListVideosHandler.SortFields.ContainsKey(sortBy?.Trim() ?? ""))
            .Reported("Invalid sortBy", "sortBy must be one of createdAt, views, duration, title");
    }

    internal static string Key(string? sortType) => sortType?.Trim().ToLowerInvariant() ?? "";
}

/// <summary>
/// The video feed: published videos (plus the caller's own unpublished ones), optionally searched, filtered by owner
/// and sorted, paged in ONE SQL statement (<see cref="IVideoQueries.ListAsync"/>).
/// </summary>
public sealed class ListVideosHandler(IVideoQueries videos, ICurrentUser currentUser, IValidator<ListVideosQuery> validator)
{
    public const int MaxQueryLength = 200;

    /// <summary>sortType → descending; absent means the newest (largest) first.</summary>
    internal static readonly IReadOnlyDictionary<string, bool> SortTypes =
        new Dictionary<string, bool> { [""] = true, ["desc"] = true, ["asc"] = false };

    internal static readonly IReadOnlyDictionary<string, VideoSortField> SortFields = new Dictionary<string, VideoSortField>
    {
        [""] = VideoSortField.CreatedAt,
        ["createdAt"] = VideoSortField.CreatedAt,
        ["views"] = VideoSortField.Views,
        ["duration"] = VideoSortField.Duration,
        ["title"] = VideoSortField.Title,
    };

    public async Task<PaginatedList<VideoDto>> HandleAsync(ListVideosQuery request, CancellationToken cancellationToken)
    {
        await validator.EnsureValidAsync(request, cancellationToken);
        var search = string.IsNullOrWhiteSpace(request.Query) ? null : request.Query.Trim();
        var sortBy = SortFields[request.SortBy?.Trim() ?? ""];
        var descending = SortTypes[ListVideosValidator.Key(request.SortType)];
        var feed = new VideoFeedRequest(request.Page, search, request.UserId, sortBy, descending)
        {
            After = string.IsNullOrWhiteSpace(request.Cursor) ? null
                : VideoFeedPosition.Parse(request.Cursor.Trim(), sortBy, descending),
        };
        return await videos.ListAsync(feed, currentUser.UserId, cancellationToken);
    }
}
