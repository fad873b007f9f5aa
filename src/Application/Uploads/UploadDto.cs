using System.Text.Json.Serialization;
using VideoTube.Domain.Entities;

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

    public static UploadDto From(Upload upload) => new()
    {
        Id = upload.Id,
        UploadLength = upload.Length,
        UploadOffset = upload.Offset,
        Metadata = upload.Metadata,
        FileName = upload.FileName,
        Title = upload.Title,
        ExpiresAt = upload.ExpiresAt,
        VideoId = upload.VideoId,
        CreatedAt = upload.CreatedAt,
    };
}
