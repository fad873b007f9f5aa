using VideoTube.Application.Common.Exceptions;

namespace VideoTube.Application.Subscriptions;

public sealed record GetSubscribedChannelsQuery(Guid SubscriberId);

/// <summary>
/// The channels a user subscribes to, newest subscription first. Served at GET /c/:channelId because chai-backend
/// wired it there (quirk 15); the id is the subscriber's.
/// </summary>
public sealed class GetSubscribedChannelsHandler(ISubscriptionQueries subscriptions)
{
    public async Task<IReadOnlyList<SubscribedChannelDto>> HandleAsync(GetSubscribedChannelsQuery query,
        CancellationToken cancellationToken) =>
        await subscriptions.ListSubscribedChannelsAsync(query.SubscriberId, cancellationToken)
        ?? throw new NotFoundException("User not found");
}
