using System.Text.Json.Serialization;
using VideoTube.Application.Users;
using VideoTube.Application.Videos;

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
