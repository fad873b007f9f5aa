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
    /// Unsubscribes, or subscribes when not subscribed, serialised per (subscriber, channel): parallel toggles take
    /// turns, so the end state follows their parity and each returns what it did (true: subscribed). Throws
    /// <see cref="Common.Exceptions.NotFoundException"/> when either user is gone.
    /// </summary>
    Task<bool> ToggleAsync(Guid subscriberId, Guid channelId, CancellationToken cancellationToken);
}
