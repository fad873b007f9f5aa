using VideoTube.Application.Common.Media;
using VideoTube.Application.Common.Exceptions;
using VideoTube.WebApi.Infrastructure;

namespace VideoTube.WebApi.Endpoints;

/// <summary>Serves stored media with HTTP range support so players can seek.</summary>
public sealed class Media : IEndpointGroup
{
    public static string Prefix => "/media";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{**key}", Get).WithSummary("Stream a stored file (supports Range)");
    }

    private static async Task<IResult> Get(string key, IMediaStorage storage, CancellationToken ct)
    {
        var media = await storage.OpenReadAsync(key, ct) ?? throw new NotFoundException("Media not found");
        return TypedResults.Stream(media.Content, media.ContentType, enableRangeProcessing: true);
    }
}
