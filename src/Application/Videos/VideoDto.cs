using System.Text.Json.Serialization;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Users;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Videos;

/// <summary>The video's own fields, shared by every video shape; each shape adds its owner or figures.</summary>
public abstract record VideoFieldsDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public MediaUrl VideoFile { get; init; }
    public MediaUrl Thumbnail { get; init; }
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
    /// <summary>The HLS master playlist once the video is ready; null (not <c>""</c>) until then.</summary>
    public MediaUrl? Hls { get; init; }
    /// <summary>Why processing failed; only ever filled for the owner.</summary>
    public string? FailureReason { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A video with its owner's public summary: the shape of every video list.</summary>
public sealed record VideoDto : VideoFieldsDto
{
    public UserSummaryDto Owner { get; init; } = new();
}
