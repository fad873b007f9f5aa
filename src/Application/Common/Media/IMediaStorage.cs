namespace VideoTube.Application.Common.Media;

/// <summary>The storage port: local disk by default, an S3-compatible store for scale.</summary>
public interface IMediaStorage
{
    /// <summary>Streams <paramref name="content"/> to a new object under <paramref name="folder"/>.</summary>
    Task<StoredMedia> SaveAsync(Stream content, string folder, string extension, string contentType,
        CancellationToken cancellationToken);

    /// <summary>
    /// Joins objects, in order, into a new object under <paramref name="folder"/> (a resumable upload's parts become
    /// the video); the caller deletes the parts afterwards (an adapter may have moved one away). Memory stays flat whatever the total size.
    /// </summary>
    Task<StoredMedia> ConcatenateAsync(IReadOnlyList<string> keys, string folder, string extension, string contentType,
        CancellationToken cancellationToken);

    /// <summary>Deletes an object; a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Opens an object for reading, or null when it does not exist.</summary>
    Task<MediaContent?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// A URL the client can fetch the object from directly (an S3 presigned GET), or null when files are served
    /// through the API's /media route. Synchronous because it is asked while a response is being written; signing is
    /// local computation.
    /// </summary>
    string? DirectUrl(string key);
}

public sealed record StoredMedia(string Key, long Length);

/// <summary>
/// A readable object; the stream is seekable where the store allows it, so ranges can be served. Objects are never
/// rewritten in place (a replacement gets a new key), so the key, length and time identify one version for caches.
/// </summary>
public sealed record MediaContent(Stream Content, string ContentType, long Length, DateTimeOffset? LastModified = null)
    : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
