using System.Text.Json.Serialization;

namespace VideoTube.Application.Videos;

/// <summary>The video page: the video, its likes from the caller's point of view, and its owner's channel.</summary>
public sealed record VideoDetailDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string VideoFile { get; init; } = string.Empty;
    public string Thumbnail { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public string Description { get; init; } = string.Empty;
    public double Duration { get; init; }
    public long Views { get; init; }
    public bool IsPublished { get; init; }
    public VideoOwnerDto Owner { get; init; } = new();
    public int LikesCount { get; init; }
    public bool IsLiked { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>The owner summary plus what the video page shows next to the subscribe button.</summary>
public sealed record VideoOwnerDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public string Username { get; init; } = string.Empty;
    public string FullName { get; init; } = string.Empty;
    public string Avatar { get; init; } = string.Empty;
    public int SubscribersCount { get; init; }
    public bool IsSubscribed { get; init; }
}
