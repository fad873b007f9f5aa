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
    public static string Prefix => "/media";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{**key}", Get).WithSummary("Stream a stored file (supports Range)").WithName("getMedia")
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/octet-stream")
            .Produces(StatusCodes.Status206PartialContent, typeof(Stream), "application/octet-stream")
            .Produces(StatusCodes.Status416RangeNotSatisfiable);
    }

    private static async Task<IResult> Get(string key, OpenMediaHandler handler, CancellationToken ct)
    {
        var media = await handler.HandleAsync(new OpenMediaQuery(key), ct);
        return TypedResults.Stream(media.Content, media.ContentType, enableRangeProcessing: true);
    }
}
