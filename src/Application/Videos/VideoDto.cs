using System.Text.Json.Serialization;
using VideoTube.Application.Users;

namespace VideoTube.Application.Videos;

/// <summary>A video with its owner's public summary: the shape of every video list and detail route.</summary>
public sealed record VideoDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string VideoFile { get; init; } = string.Empty;
    public string Thumbnail { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public string Description { get; init; } = string.Empty;
    public double Duration { get; init; }
    public long Views { get; init; }
    public bool IsPublished { get; init; }
    public UserSummaryDto Owner { get; init; } = new();
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
