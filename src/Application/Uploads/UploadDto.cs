using System.Text.Json.Serialization;

namespace VideoTube.Application.Uploads;

/// <summary>An upload's state: what HEAD reports in headers, and GET /api/v1/uploads/{id} in the envelope.</summary>
public sealed record UploadDto
{
    [JsonPropertyName("_id")] public Guid Id { get; init; }
    public long UploadLength { get; init; }
    public long UploadOffset { get; init; }
    [JsonIgnore] public string Metadata { get; init; } = string.Empty;
    public string FileName { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public DateTime ExpiresAt { get; init; }
    /// <summary>Set once the last byte has arrived and the video exists.</summary>
    public Guid? VideoId { get; init; }
    public DateTime CreatedAt { get; init; }
}
