namespace VideoTube.Application.Common.Media;

/// <summary>Builds the URL a client fetches a stored file from, from the current settings (never stored).</summary>
public interface IMediaUrls
{
    /// <summary>The URL of <paramref name="key"/>; an empty string for an empty key (an absent cover image).</summary>
    string UrlFor(string key);
}
