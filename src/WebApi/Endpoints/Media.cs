using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using VideoTube.Application.Common.Media;
using VideoTube.Application.Videos;
using VideoTube.WebApi.Infrastructure;

namespace VideoTube.WebApi.Endpoints;

/// <summary>
/// Serves stored media with HTTP range support so players can seek. The route is anonymous (an &lt;img&gt; or
/// &lt;video&gt; tag sends no Authorization header), but a valid access token, when sent, identifies the caller so an
/// owner can preview their unpublished videos.
/// </summary>
public sealed class Media : IEndpointGroup
{
    /// <summary>Short, because a published video can be unpublished or deleted and shared caches would keep serving it.</summary>
    private const string PublicCaching = "public, max-age=300";

    public static string Prefix => "/media";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{**key}", Get)
            .WithSummary("Stream a stored file (supports Range and conditional GET)").WithName("getMedia")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, typeof(Stream), "application/octet-stream")
            .Produces(StatusCodes.Status304NotModified)
            .Produces(StatusCodes.Status416RangeNotSatisfiable);
        // HEAD is its own endpoint so that the document gives it its own operationId.
        group.MapMethods("/{**key}", [HttpMethods.Head], Get)
            .WithSummary("Headers of a stored file (size, type, ETag) without its bytes").WithName("headMedia")
            .Produces(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status304NotModified);
    }

    private static async Task<IResult> Get(string key, HttpResponse response, OpenMediaHandler handler, CancellationToken ct)
    {
        var (media, isPublic) = await handler.HandleAsync(new OpenMediaQuery(key), ct);
        var contentType = await VerifiedContentTypeAsync(media, ct);
        response.Headers.CacheControl = isPublic ? PublicCaching : "private, no-store";
        // Should a file ever be opened as a document anyway, it can run nothing and load nothing.
        response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.Stream(media.Content, contentType, lastModified: media.LastModified,
            entityTag: EntityTagOf(key, media), enableRangeProcessing: true);
    }

    /// <summary>
    /// An image is served only as the type its bytes are, whatever its name says: a file that is not one of the
    /// accepted formats goes out as opaque bytes, never as something a browser would render.
    /// </summary>
    private static async Task<string> VerifiedContentTypeAsync(MediaContent media, CancellationToken ct)
    {
        if (!media.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase))
            return media.ContentType;
        if (!media.Content.CanSeek)
            return "application/octet-stream";
        var header = new byte[ImageTypes.HeaderLength];
        var read = await media.Content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        media.Content.Position = 0;
        return ImageTypes.Detect(header.AsSpan(0, read))?.ContentType ?? "application/octet-stream";
    }

    private static EntityTagHeaderValue EntityTagOf(string key, MediaContent media)
    {
        var version = $"{key}|{media.Length}|{media.LastModified?.UtcTicks}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)).AsSpan(0, 12));
        return new EntityTagHeaderValue($"\"{hash}\"");
    }
}
