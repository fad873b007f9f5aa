namespace VideoTube.Application.Common.Media;

/// <summary>
/// Storage for files whose keys the caller chooses: an HLS playlist names its segments by relative path, so a
/// rendition set must live under one known prefix rather than under server-chosen random names.
/// </summary>
public interface IRenditionStorage
{
    /// <summary>Stores <paramref name="content"/> at exactly <paramref name="key"/>, replacing any object there.</summary>
    Task<StoredMedia> SaveAtAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Deletes every object under <paramref name="prefix"/> (a folder); nothing there is not an error.</summary>
    Task DeletePrefixAsync(string prefix, CancellationToken cancellationToken);
}
