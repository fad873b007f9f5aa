using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Media;

namespace VideoTube.Infrastructure.Storage;

/// <summary>
/// Media URLs from the current settings: the store's own URL when it hands one out (S3 presigned), else
/// <c>{Storage:PublicBaseUrl}/{key}</c> (a CDN), else root-relative <c>/media/{key}</c>, which follows the API to
/// whatever host and port it runs on.
/// </summary>
public sealed class MediaUrls(IOptions<StorageOptions> options, IMediaStorage storage) : IMediaUrls
{
    public string UrlFor(string key)
    {
        if (string.IsNullOrEmpty(key))
            return string.Empty;
        if (storage.DirectUrl(key) is { } direct)
            return direct;
        var baseUrl = options.Value.PublicBaseUrl;
        return baseUrl.Length == 0 ? MediaKeys.RoutePrefix + key : $"{baseUrl.TrimEnd('/')}/{key}";
    }
}
