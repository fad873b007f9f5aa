using System.ComponentModel.DataAnnotations;

namespace VideoTube.Infrastructure.Storage;

/// <summary>Where media lives (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Local</c> (default) or <c>S3</c>.</summary>
    [Required]
    public string Provider { get; set; } = "Local";

    /// <summary>
    /// Prefix of the media URLs stored on users and videos, e.g. <c>https://api.example.com</c>. Empty gives
    /// root-relative URLs (<c>/media/...</c>), which work when the SPA is served from the API's origin.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    public LocalStorageOptions Local { get; set; } = new();

    public S3StorageOptions S3 { get; set; } = new();
}

public sealed class LocalStorageOptions
{
    [Required]
    public string RootPath { get; set; } = "media";
}

public sealed class S3StorageOptions
{
    /// <summary>Endpoint of an S3-compatible service (MinIO, s3rver, ...); empty for AWS itself.</summary>
    public string ServiceUrl { get; set; } = string.Empty;
    public string Bucket { get; set; } = "videotube";
    public string Region { get; set; } = "us-east-1";
    public string AccessKey { get; set; } = string.Empty;
    public string SecretKey { get; set; } = string.Empty;
    public bool ForcePathStyle { get; set; } = true;
}
