using VideoTube.Application.Common.Models;
using VideoTube.Application.Feed;
using VideoTube.Application.Videos;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>Personal feeds (not in chai-backend).</summary>
public sealed class Feed : IEndpointGroup
{
    public static string Prefix => "/api/v1/feed";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapGet("/subscriptions", Subscriptions)
            .WithSummary("Newest published videos of the channels you follow; pass nextCursor back as cursor for more")
            .WithName("listSubscriptionFeed").Returns<CursorPage<VideoDto>>().Fails(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> Subscriptions(string? limit, string? cursor, ListSubscriptionFeedHandler handler,
        CancellationToken ct) =>
        Envelope.Ok(await handler.HandleAsync(new ListSubscriptionFeedQuery(limit, cursor), ct), "Feed fetched successfully");
}
