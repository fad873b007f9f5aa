using VideoTube.Domain.Common;

namespace VideoTube.Domain.Entities;

/// <summary>
/// A resumable (tus) video upload in progress. Its state lives in the database, not in an API instance, so any
/// instance can continue it; its bytes live in storage as one part object per PATCH until it completes.
/// </summary>
public class Upload : Entity
{
    public const int MaxMetadataLength = 16 * 1024;
    public const int MaxFileNameLength = 255;

    public Guid OwnerId { get; set; }
    public User? Owner { get; set; }

    /// <summary>Total size announced by the client (Upload-Length).</summary>
    public long Length { get; set; }

    /// <summary>Bytes received and stored so far (Upload-Offset).</summary>
    public long Offset { get; set; }

    /// <summary>The raw Upload-Metadata header, kept for the client (tus returns it on HEAD).</summary>
    public string Metadata { get; set; } = string.Empty;

    public string FileName { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;

    /// <summary>Container recognised from the first bytes (extension and content type); empty before the first PATCH.</summary>
    public string Extension { get; set; } = string.Empty;
    public string ContentType { get; set; } = string.Empty;

    /// <summary>Storage keys of the received parts, in byte order.</summary>
    public List<string> PartKeys { get; set; } = [];

    public DateTime ExpiresAt { get; set; }

    /// <summary>The video the upload became once complete.</summary>
    public Guid? VideoId { get; set; }

    public bool IsComplete => VideoId is not null;
}
