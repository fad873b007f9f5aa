using System.Text.Json.Serialization;
using VideoTube.Domain.Entities;

namespace VideoTube.Application.Dashboard;

/// <summary>One of the caller's own videos on the dashboard: no owner (it is the caller), engagement figures instead.</summary>
public sealed record ChannelVideoDto
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
    [JsonConverter(typeof(Videos.LowerCaseEnumConverter<VideoStatus>))]
    public VideoStatus Status { get; init; }
    public int Progress { get; init; }
    public int? Width { get; init; }
    public int? Height { get; init; }
    /// <summary>The HLS master playlist URL once the video is ready.</summary>
    public string? Hls { get; init; }
    /// <summary>The dashboard lists the caller's own videos, so the reason is always theirs to see.</summary>
    public string? FailureReason { get; init; }
    public int LikesCount { get; init; }
    public int CommentsCount { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

/// <summary>A video with its figures computed in SQL; ProjectTo turns it into a <see cref="ChannelVideoDto"/>.</summary>
public sealed class ChannelVideoRow
{
    public required Video Video { get; init; }
    public int LikesCount { get; init; }
    public int CommentsCount { get; init; }
}
