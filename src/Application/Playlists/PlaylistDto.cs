using System.Text.Json.Serialization;
using VideoTube.Application.Users;
using VideoTube.Application.Videos;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Playlists;

/// <summary>A playlist with its videos (in the order they were added), as the detail and change routes return it.</summary>
public sealed record PlaylistDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public string Description { get; init; } = string.Empty;
    public UserSummaryDto Owner { get; init; } = new();
    public IReadOnlyList<VideoDto> Videos { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A playlist in a user's list: totals instead of the videos themselves.</summary>
public sealed record PlaylistSummaryDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string Name { get; init; } = string.Empty;
    public string Description { get; init; } = string.Empty;
    public UserSummaryDto Owner { get; init; } = new();
    public int TotalVideos { get; init; }
    /// <summary>Seconds.</summary>
    public double TotalDuration { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A playlist with the videos the caller may see, selected in SQL; ProjectTo turns it into a <see cref="PlaylistDto"/>.</summary>
public sealed class PlaylistRow
{
    public required Playlist Playlist { get; init; }
    public required IEnumerable<Video> Videos { get; init; }
}

/// <summary>A playlist with totals computed in SQL; ProjectTo turns it into a <see cref="PlaylistSummaryDto"/>.</summary>
public sealed class PlaylistSummaryRow
{
    public required Playlist Playlist { get; init; }
    public int TotalVideos { get; init; }
    public double TotalDuration { get; init; }
}
