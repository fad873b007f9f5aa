using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Videos;

namespace VideoTube.Infrastructure.Storage;

/// <summary>
/// Media URLs from the current settings: the store's own URL when it hands one out (S3 presigned), else
/// <c>{Storage:PublicBaseUrl}/{key}</c> (a CDN), else root-relative <c>/media/{key}</c>, which follows the API to
/// whatever host and port it runs on. HLS renditions never get the store's URL: a playlist names its segments by
/// relative path, which a player resolves against the playlist's URL, and a presigned URL signs one object only.
/// </summary>
public sealed class MediaUrls(IOptions<StorageOptions> options, IMediaStorage storage) : IMediaUrls
{
    public string UrlFor(string key)
    {
        if (string.IsNullOrEmpty(key))
            return string.Empty;
        if (VideoMedia.VideoIdOfRendition(key) is null && storage.DirectUrl(key) is { } direct)
            return direct;
        var baseUrl = options.Value.PublicBaseUrl;
        return baseUrl.Length == 0 ? MediaKeys.RoutePrefix + key : $"{baseUrl.TrimEnd('/')}/{key}";
    }
}
