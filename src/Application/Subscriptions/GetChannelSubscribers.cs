using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Subscriptions;

public sealed record GetChannelSubscribersQuery(Guid ChannelId);

/// <summary>
/// The subscribers of a channel, newest first. Served at GET /u/:subscriberId because chai-backend wired it there
/// (quirk 15); the id is the channel's.
/// </summary>
public sealed class GetChannelSubscribersHandler(ISubscriptionQueries subscriptions)
{
    public async Task<IReadOnlyList<ChannelSubscriberDto>> HandleAsync(GetChannelSubscribersQuery query,
        CancellationToken cancellationToken) =>
        await subscriptions.ListSubscribersAsync(query.ChannelId, cancellationToken)
        ?? throw new NotFoundException("Channel not found");
}
