using System.Text.Json.Serialization;
using VideoTube.Domain.Entities;

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
    /// <summary><c>processing</c>, <c>ready</c> or <c>failed</c>: renditions are built after the upload.</summary>
    [JsonConverter(typeof(LowerCaseEnumConverter<VideoStatus>))]
    public VideoStatus Status { get; init; }
    public int Progress { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    /// <summary>The HLS master playlist URL once the video is ready.</summary>
    public string? Hls { get; init; }
    /// <summary>Why processing failed; only ever filled for the owner.</summary>
    public string? FailureReason { get; init; }
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
