using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Subscriptions;

/// <summary>
/// One use case seen from either end of a subscription: a user's row with one side of their subscriptions, newest
/// first, read in ONE statement; an unknown user is a 404. chai-backend wired the two routes with swapped parameter
/// names (quirk 15): GET /c/:channelId lists a subscriber's channels and GET /u/:subscriberId a channel's subscribers.
/// </summary>
public sealed class ListSubscriptionsHandler(ISubscriptionQueries subscriptions)
{
    public async Task<IReadOnlyList<ChannelSubscriberDto>> ListSubscribersAsync(Guid channelId,
        CancellationToken cancellationToken) =>
        await subscriptions.ListSubscribersAsync(channelId, cancellationToken) ?? throw new NotFoundException("Channel not found");

    public async Task<IReadOnlyList<SubscribedChannelDto>> ListSubscribedChannelsAsync(Guid subscriberId,
        CancellationToken cancellationToken) =>
        await subscriptions.ListSubscribedChannelsAsync(subscriberId, cancellationToken) ?? throw new NotFoundException("User not found");
}
