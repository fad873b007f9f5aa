namespace VideoTube.Application.Subscriptions;

/// <summary>Subscription lists with subscriber counts, and the idempotent subscribe; each ONE statement.</summary>
public interface ISubscriptionQueries
{
    /// <summary>Newest first; null when the channel does not exist.</summary>
    Task<IReadOnlyList<ChannelSubscriberDto>?> ListSubscribersAsync(Guid channelId, CancellationToken cancellationToken);

    /// <summary>Newest first; null when the subscriber does not exist.</summary>
    Task<IReadOnlyList<SubscribedChannelDto>?> ListSubscribedChannelsAsync(Guid subscriberId,
        CancellationToken cancellationToken);

    /// <summary>
    /// Idempotent: a subscription that already exists (a concurrent toggle got there first) is left as it is. Throws
    /// <see cref="Common.Exceptions.NotFoundException"/> when either user is gone.
    /// </summary>
    Task SubscribeAsync(Guid subscriberId, Guid channelId, CancellationToken cancellationToken);
}
