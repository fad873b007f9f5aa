using Microsoft.AspNetCore.Http.Features;
using VideoTube.Application.Common.Exceptions;
using VideoTube.Application.Common.Media;

namespace VideoTube.WebApi.Infrastructure;

public static class BodyLimit
{
    /// <summary>
    /// Raises (or lowers) the server's body limit for this request to what the route accepts, and refuses a body
    /// that announces a larger size before a byte of it is read.
    /// </summary>
    public static void Apply(HttpContext context, long maxBytes)
    {
        if (context.Request.ContentLength > maxBytes)
            throw new PayloadTooLargeException($"Request body must be at most {LimitedReadStream.Describe(maxBytes)}");
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maxBytes;
    }
}
