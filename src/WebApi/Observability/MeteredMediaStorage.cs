using VideoTube.Application.Common.Media;

namespace VideoTube.WebApi.Observability;

/// <summary>
/// Counts what reaches storage, whichever route or job stored it, without the adapters or use cases knowing about
/// metrics. Infrastructure resolves the video probe's file locator from the adapter itself, so this wraps the port only.
/// </summary>
public sealed class MeteredMediaStorage(IMediaStorage inner, VideoTubeMetrics metrics) : IMediaStorage
{
    public async Task<StoredMedia> SaveAsync(Stream content, string folder, string extension, string contentType,
        CancellationToken cancellationToken)
    {
        var stored = await inner.SaveAsync(content, folder, extension, contentType, cancellationToken);
        metrics.Stored(folder, stored.Length);
        return stored;
    }

    // A resumable upload's parts were counted under their own folder as they arrived; the joined video counts under its.
    public async Task<StoredMedia> ConcatenateAsync(IReadOnlyList<string> keys, string folder, string extension,
        string contentType, CancellationToken cancellationToken)
    {
        var stored = await inner.ConcatenateAsync(keys, folder, extension, contentType, cancellationToken);
        metrics.Stored(folder, stored.Length);
        return stored;
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public Task<MediaContent?> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        inner.OpenReadAsync(key, cancellationToken);

    public string? DirectUrl(string key) => inner.DirectUrl(key);
}
