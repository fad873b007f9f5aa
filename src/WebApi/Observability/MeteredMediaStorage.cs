using VideoTube.Application.Common.Media;
using VideoTube.Infrastructure.Storage;

namespace VideoTube.WebApi.Observability;

/// <summary>
/// Counts what reaches storage, whichever route or job stored it, without the adapters or use cases knowing about
/// metrics. It stays an <see cref="IMediaLocator"/> because the video probe finds files through the storage.
/// </summary>
public sealed class MeteredMediaStorage(IMediaStorage inner, VideoTubeMetrics metrics) : IMediaStorage, IMediaLocator
{
    public async Task<StoredMedia> SaveAsync(Stream content, string folder, string extension, string contentType,
        CancellationToken cancellationToken)
    {
        var stored = await inner.SaveAsync(content, folder, extension, contentType, cancellationToken);
        metrics.Stored(folder, stored.Length);
        return stored;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task<MediaContent?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        inner.OpenReadAsync(key, cancellationToken);

    public string? KeyFromUrl(string url) => inner.KeyFromUrl(url);

    public Task<string?> LocateAsync(string key, CancellationToken cancellationToken) =>
        inner is IMediaLocator locator ? locator.LocateAsync(key, cancellationToken) : Task.FromResult<string?>(null);
}
