using System.Buffers;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Media;

namespace VideoTube.Infrastructure.Storage;

/// <summary>
/// Stores media in an S3-compatible bucket (AWS, MinIO, s3rver, ...). Uploads stream in fixed-size parts, so a
/// 1 GiB video costs one part buffer of memory, never the whole file; a failed upload is aborted, leaving nothing.
/// Reads return a seekable stream backed by ranged GETs, so the /media route can answer Range requests.
/// Clients fetch objects through the API's /media route (as for local disk), which keeps access checks in one place,
/// unless <c>Storage:S3:PresignedUrls</c> hands them presigned GET URLs instead.
/// </summary>
public sealed partial class S3MediaStorage : IMediaStorage, IMediaLocator, IDisposable
{
    /// <summary>S3's minimum part size is 5 MiB; 8 MiB keeps a 1 GiB upload well under the 10,000-part limit.</summary>
    /// <remarks>
    /// Parts are sent with a plain signed payload, not the SDK's aws-chunked encoding: the part is in memory anyway,
    /// and some S3-compatible servers (s3rver) store aws-chunked bodies without decoding them.
    /// </remarks>
    internal const int PartSize = 8 * 1024 * 1024;

    /// <summary>Long enough for ffprobe to read a freshly uploaded video.</summary>
    private static readonly TimeSpan ProbeUrlLifetime = TimeSpan.FromMinutes(15);

    private readonly StorageOptions _options;
    private readonly AmazonS3Client _client;

    public S3MediaStorage(IOptions<StorageOptions> options)
    {
        _options = options.Value;
        var s3 = _options.S3;
        var config = new AmazonS3Config
        {
            ForcePathStyle = s3.ForcePathStyle,
            // Only checksums S3 requires: the SDK's default trailing checksums are not understood by every
            // S3-compatible server.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(s3.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(s3.Region);
        }
        else
        {
            config.ServiceURL = s3.ServiceUrl;
            config.AuthenticationRegion = s3.Region;
        }
        _client = string.IsNullOrEmpty(s3.AccessKey)
            ? new AmazonS3Client(config) // the SDK's default chain: environment, profile, instance role
            : new AmazonS3Client(new BasicAWSCredentials(s3.AccessKey, s3.SecretKey), config);
    }

    private string Bucket => _options.S3.Bucket;

    public async Task<StoredMedia> SaveAsync(Stream content, string folder, string extension, string contentType,
        CancellationToken cancellationToken)
    {
        var key = MediaKeys.NewKey(folder, extension);
        var buffer = ArrayPool<byte>.Shared.Rent(PartSize);
        try
        {
            var filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, PartSize), PartSize, throwOnEndOfStream: false,
                cancellationToken);
            if (filled < PartSize)
            {
                await _client.PutObjectAsync(new PutObjectRequest
                {
                    BucketName = Bucket,
                    Key = key,
                    ContentType = contentType,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                    UseChunkEncoding = false,
                }, cancellationToken);
                return new StoredMedia(key, filled);
            }
            var length = await UploadInPartsAsync(key, contentType, content, buffer, filled, cancellationToken);
            return new StoredMedia(key, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<long> UploadInPartsAsync(string key, string contentType, Stream content, byte[] buffer, int filled,
        CancellationToken cancellationToken)
    {
        var upload = await _client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = key,
            ContentType = contentType,
        }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            long length = 0;
            while (filled > 0)
            {
                var part = await _client.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = Bucket,
                    Key = key,
                    UploadId = upload.UploadId,
                    PartNumber = parts.Count + 1,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                    UseChunkEncoding = false,
                }, cancellationToken);
                parts.Add(new PartETag(parts.Count + 1, part.ETag));
                length += filled;
                filled = await content.ReadAtLeastAsync(buffer.AsMemory(0, PartSize), PartSize, throwOnEndOfStream: false,
                    cancellationToken);
            }
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = Bucket,
                Key = key,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken);
            return length;
        }
        catch
        {
            await _client.AbortMultipartUploadAsync(Bucket, key, upload.UploadId, CancellationToken.None);
            throw;
        }
    }

    /// <remarks>
    /// S3 has no append, and server-side UploadPartCopy needs every part but the last to be at least 5 MiB, which a
    /// tus client's chunks need not be; so the parts stream through this process, one part buffer at a time.
    /// </remarks>
    public async Task<StoredMedia> ConcatenateAsync(IReadOnlyList<string> keys, string folder, string extension,
        string contentType, CancellationToken cancellationToken)
    {
        await using var joined = new ConcatenatedReadStream(this, keys);
        return await SaveAsync(joined, folder, extension, contentType, cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (!MediaKeys.IsValidKey(key))
            return;
        // S3 answers a delete of a missing key with success, which matches the port's contract.
        await _client.DeleteObjectAsync(Bucket, key, cancellationToken);
    }

    public async Task<MediaContent?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        if (!MediaKeys.IsValidKey(key))
            return null;
        try
        {
            var metadata = await _client.GetObjectMetadataAsync(Bucket, key, cancellationToken);
            var contentType = string.IsNullOrEmpty(metadata.Headers.ContentType)
                ? MediaKeys.ContentTypeFor(key)
                : metadata.Headers.ContentType;
            var length = metadata.Headers.ContentLength;
            DateTimeOffset? lastModified = metadata.LastModified is { } modified
                ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero)
                : null;
            return new MediaContent(new S3RangeReadStream(_client, Bucket, key, length), contentType, length, lastModified);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <remarks>
    /// A presigned URL skips the /media route's visibility check; that is acceptable because responses only carry
    /// the files of videos the caller may see, and the URL expires after <c>Storage:S3:PresignedUrlExpiry</c>.
    /// </remarks>
    public string? DirectUrl(string key) =>
        _options.S3.PresignedUrls && MediaKeys.IsValidKey(key)
            ? _client.GetPreSignedURL(PresignedGet(key, _options.S3.PresignedUrlExpiry))
            : null;

    public async Task<string?> LocateAsync(string key, CancellationToken cancellationToken) =>
        MediaKeys.IsValidKey(key) ? await _client.GetPreSignedURLAsync(PresignedGet(key, ProbeUrlLifetime)) : null;

    private GetPreSignedUrlRequest PresignedGet(string key, TimeSpan lifetime) => new()
    {
        BucketName = Bucket,
        Key = key,
        Verb = HttpVerb.GET,
        Expires = DateTime.UtcNow.Add(lifetime),
        Protocol = _options.S3.ServiceUrl.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
    };

    public void Dispose() => _client.Dispose();
}
