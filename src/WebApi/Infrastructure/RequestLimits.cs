using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using VideoTube.Application.Common.Media;

namespace VideoTube.WebApi.Infrastructure;

/// <summary>
/// Caps on every body the API reads, so memory per request is bounded. Kestrel's body limit fits the largest buffered
/// form (register: avatar + cover image); the streamed video upload raises it for its own request only.
/// </summary>
public static class RequestLimits
{
    /// <summary>Multipart framing and the few text fields on top of the files.</summary>
    private const long FormOverheadBytes = 1024 * 1024;

    public static IServiceCollection AddVideoTubeRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<MediaOptions>>((kestrel, media) =>
            kestrel.Limits.MaxRequestBodySize = MaxBufferedBody(media.Value));
        services.AddOptions<FormOptions>().Configure<IOptions<MediaOptions>>((form, media) =>
        {
            form.MultipartBodyLengthLimit = MaxBufferedBody(media.Value);
            // Defaults allow 1,024 values of 4 MB each; our forms have a handful of short fields.
            form.ValueCountLimit = MultipartStreamingForm.MaxParts;
            form.ValueLengthLimit = MultipartStreamingForm.MaxFieldBytes;
            form.KeyLengthLimit = 256;
        });
        return services;
    }

    private static long MaxBufferedBody(MediaOptions media) => 2 * media.MaxImageBytes + FormOverheadBytes;
}
