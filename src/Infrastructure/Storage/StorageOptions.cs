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
    /// Where clients fetch media, e.g. a CDN: a URL is <c>{PublicBaseUrl}/{key}</c>. Empty (the default) gives
    /// root-relative URLs, <c>/media/{key}</c>, served by this API. Only keys are stored, so changing this (or the
    /// host and port) needs no data migration.
    /// </summary>
    public string PublicBaseUrl { get; set => field = value ?? string.Empty; } = string.Empty;

    /// <summary>Empty, or an absolute http(s) URL without query or fragment (a URL is built by appending the key).</summary>
    public bool HasValidPublicBaseUrl =>
        PublicBaseUrl.Length == 0
        || (Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            && uri.Query.Length == 0 && uri.Fragment.Length == 0);

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

    /// <summary>
    /// Hand clients presigned GET URLs straight to the bucket instead of <c>/media</c> URLs (which take precedence over
    /// <see cref="StorageOptions.PublicBaseUrl"/>), so video bytes no longer pass through the API.
    /// </summary>
    public bool PresignedUrls { get; set; }

    /// <summary>How long a presigned URL stays valid: at least a minute, at most SigV4's 7 days.</summary>
    public TimeSpan PresignedUrlExpiry { get; set; } = TimeSpan.FromHours(1);

    public bool HasValidPresignedUrlExpiry =>
        PresignedUrlExpiry >= TimeSpan.FromMinutes(1) && PresignedUrlExpiry <= TimeSpan.FromDays(7);
}
