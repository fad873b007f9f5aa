using VideoTube.Application.Subscriptions;
using VideoTube.WebApi.Infrastructure;
using VideoTube.WebApi.OpenApi;

namespace VideoTube.WebApi.Endpoints;

/// <summary>
/// chai-backend's /api/v1/subscriptions routes. The GET paths read backwards (quirk 15) but are kept as wired there,
/// so existing clients work: /c/:id lists the channels user :id subscribes to, /u/:id lists channel :id's subscribers.
/// </summary>
public sealed class Subscriptions : IEndpointGroup
{
    public static string Prefix => "/api/v1/subscriptions";

    public static void Map(RouteGroupBuilder group)
    {
        group.RequireAuthorization();
        group.MapPost("/c/{channelId}", Toggle).WithSummary("Subscribe to or unsubscribe from a channel")
            .WithName("toggleSubscription").Returns<SubscriptionStatusDto>();
        group.MapGet("/c/{channelId}", SubscribedChannels).WithSummary("Channels that user :channelId subscribes to")
            .WithName("listSubscribedChannels").Returns<IReadOnlyList<SubscribedChannelDto>>();
        group.MapGet("/u/{subscriberId}", ChannelSubscribers).WithSummary("Subscribers of channel :subscriberId")
            .WithName("listChannelSubscribers").Returns<IReadOnlyList<ChannelSubscriberDto>>();
    }

    private static async Task<IResult> Toggle(string channelId, ToggleSubscriptionHandler handler, CancellationToken ct)
    {
        var status = await handler.HandleAsync(new ToggleSubscriptionCommand(RouteIds.Parse(channelId, "channel")), ct);
        return Envelope.Ok(status, status.IsSubscribed ? "Subscribed successfully" : "Unsubscribed successfully");
    }

    private static async Task<IResult> SubscribedChannels(string channelId, ListSubscriptionsHandler handler,
        CancellationToken ct) =>
        Envelope.Ok(await handler.ListSubscribedChannelsAsync(RouteIds.Parse(channelId, "subscriber"), ct),
            "Subscribed channels fetched successfully");

    private static async Task<IResult> ChannelSubscribers(string subscriberId, ListSubscriptionsHandler handler,
        CancellationToken ct) =>
        Envelope.Ok(await handler.ListSubscribersAsync(RouteIds.Parse(subscriberId, "channel"), ct),
            "Channel subscribers fetched successfully");
}
