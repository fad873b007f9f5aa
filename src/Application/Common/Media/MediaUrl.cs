namespace VideoTube.Application.Common.Media;

/// <summary>
/// A stored file as a response field: it holds the storage key, and the JSON writer turns it into a URL through
/// <see cref="IMediaUrls"/> when the response is written. DTOs carry this type instead of a string, so a key can
/// never be sent as if it were a URL, and no read has to remember to build one (the SQL stays one statement).
/// </summary>
public readonly record struct MediaUrl(string Key)
{
    public bool IsEmpty => string.IsNullOrEmpty(Key);

    /// <summary>The key, not a URL: only the JSON writer, through <see cref="IMediaUrls"/>, makes URLs.</summary>
    public override string ToString() => Key ?? string.Empty;
}
