namespace VideoTube.Infrastructure.Storage;

/// <summary>Where an external tool (ffprobe) can read a stored object: a local path or a short-lived URL.</summary>
public interface IMediaLocator
{
    /// <summary>A path or URL for <paramref name="key"/>, or null when the object does not exist.</summary>
    Task<string?> LocateAsync(string key, CancellationToken cancellationToken);
}
