namespace VideoTube.Application.Common.Media;

/// <summary>The storage port: local disk by default, an S3-compatible store for scale.</summary>
public interface IMediaStorage
{
    /// <summary>Streams <paramref name="content"/> to a new object under <paramref name="folder"/>.</summary>
    Task<StoredMedia> SaveAsync(Stream content, string folder, string extension, string contentType,
        CancellationToken cancellationToken);

    /// <summary>Deletes an object; a missing object is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Opens an object for reading, or null when it does not exist.</summary>
    Task<MediaContent?> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>The storage key behind a URL this storage produced, or null for a foreign URL.</summary>
    string? KeyFromUrl(string url);
}

public sealed record StoredMedia(string Key, string Url, long Length);

/// <summary>
/// A readable object; the stream is seekable where the store allows it, so ranges can be served. Objects are never
/// rewritten in place (a replacement gets a new key), so the key, length and time identify one version for caches.
/// </summary>
public sealed record MediaContent(Stream Content, string ContentType, long Length, DateTimeOffset? LastModified = null)
    : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Content.DisposeAsync();
}
